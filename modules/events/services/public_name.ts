import { authorNameFor, type TrustLevel } from '#modules/verification/index'

/**
 * How a resident reads to their neighbours on events: first name and
 * initial ("Camille M.") for verified viewers, first name only for
 * unverified ones (authorNameFor). Never the full name, except to the
 * event's author looking at who is coming.
 */
export function publicName(displayName: string, viewerLevel: TrustLevel): string {
  if (viewerLevel !== 'verified') return authorNameFor(displayName, viewerLevel)
  const [first, ...rest] = displayName.trim().split(/\s+/)
  const last = rest.at(-1)
  if (!first) return displayName
  return last ? `${first} ${last.charAt(0).toLocaleUpperCase('fr')}.` : first
}
