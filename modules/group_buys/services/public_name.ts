import { authorNameFor, type TrustLevel } from '#modules/verification/index'

/**
 * How an organiser reads on group buys, as everywhere on Quartier: first
 * name and initial ("Camille M.") for verified neighbours, first name
 * only for unverified ones (authorNameFor). Never the full name.
 */
export function publicName(displayName: string, viewerLevel: TrustLevel): string {
  if (viewerLevel !== 'verified') return authorNameFor(displayName, viewerLevel)
  const [first, ...rest] = displayName.trim().split(/\s+/)
  const last = rest.at(-1)
  if (!first) return displayName
  return last ? `${first} ${last.charAt(0).toLocaleUpperCase('fr')}.` : first
}
