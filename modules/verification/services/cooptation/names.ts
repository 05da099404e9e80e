import { authorNameFor, type TrustLevel } from '#modules/verification/services/trust'

/**
 * How a neighbour's name reads in co-optation lists: a verified viewer
 * sees it whole; an unverified one (a candidate) sees the first name as
 * anywhere else, plus the initial of the last name so that two Camilles
 * on the list can be told apart ("Camille Martin" -> "Camille M.").
 */
export function neighbourName(displayName: string, viewerLevel: TrustLevel): string {
  const shown = authorNameFor(displayName, viewerLevel)
  if (viewerLevel === 'verified') return shown
  const words = displayName.trim().split(/\s+/)
  const last = words.length > 1 ? words[words.length - 1] : ''
  const initial = last ? Array.from(last)[0]?.toLocaleUpperCase() : ''
  return initial ? `${shown} ${initial}.` : shown
}
