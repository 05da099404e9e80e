import { isErasedLabel } from '#modules/accounts/index'
import { residentHome } from '#modules/neighbourhoods/index'

/**
 * Trust levels. An `unverified` resident reads their own neighbourhood's
 * feed (authors by first name only) and takes part in nothing; a
 * `verified` one (address proven by postcard, co-optation or document)
 * takes part fully. Every module asks here, never residents.verified_at.
 */
export type TrustLevel = 'unverified' | 'verified'

/**
 * What a level allows. Modules name the action they guard; only
 * `read_feed` is open to unverified residents.
 */
export const ABILITIES = {
  read_feed: 'unverified',
  reply: 'verified',
  post: 'verified',
  message: 'verified',
  vouch: 'verified',
  raise_alert: 'verified',
  pledge: 'verified',
  rsvp: 'verified',
  report: 'verified',
} as const satisfies Record<string, TrustLevel>

export type Ability = keyof typeof ABILITIES

const RANK: Record<TrustLevel, number> = { unverified: 0, verified: 1 }

export async function trustLevel(userId: number): Promise<TrustLevel> {
  return trustLevelOf(await residentHome(userId))
}

/** The level for a home already read (saves a query where the caller has it). */
export function trustLevelOf(home: { verifiedAt: Date | null } | null): TrustLevel {
  return home?.verifiedAt ? 'verified' : 'unverified'
}

export async function isVerified(userId: number): Promise<boolean> {
  return (await trustLevel(userId)) === 'verified'
}

export function levelAllows(level: TrustLevel, ability: Ability): boolean {
  return RANK[level] >= RANK[ABILITIES[ability]]
}

/**
 * How an author's name reads to a viewer: unverified viewers see first
 * names only ("Camille Martin" -> "Camille"). An erased account's label
 * ("Ancien·ne voisin·e") is never cut.
 */
export function authorNameFor(displayName: string, viewerLevel: TrustLevel): string {
  if (viewerLevel === 'verified' || isErasedLabel(displayName)) return displayName
  return displayName.trim().split(/\s+/)[0] ?? displayName
}

/**
 * How a resident reads to neighbours on posts, events and campaigns:
 * first name and initial ("Camille M.") for verified viewers, first name
 * only for unverified ones. Never the full name.
 */
export function publicName(displayName: string, viewerLevel: TrustLevel): string {
  if (viewerLevel !== 'verified' || isErasedLabel(displayName)) {
    return authorNameFor(displayName, viewerLevel)
  }
  const [first, ...rest] = displayName.trim().split(/\s+/)
  const last = rest.at(-1)
  if (!first) return displayName
  return last ? `${first} ${last.charAt(0).toLocaleUpperCase('fr')}.` : first
}
