import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** A piece of content as moderation needs to know it. */
export interface ReportedContent {
  /** Author, null when the account was erased. */
  authorId: number | null
  /** The neighbourhood whose moderators look after it (the author's, for profiles and messages). */
  neighbourhoodId: number
  /** A short excerpt for moderators (never shown on the public log). */
  excerpt: string
  /** Where moderators read it in the app. */
  path: string
  hidden: boolean
}

/**
 * One kind of reportable content, registered by the module that owns it:
 * 'exchange', 'message', 'alert', 'shop_offer', 'notice_reply', 'event',
 * 'group_buy', 'profile'.
 */
export interface Reportable {
  kind: string
  /** The content if `viewerId` may see it (else null: reports of unseen content are refused with 404). */
  locate(id: number, viewerId: number): Promise<ReportedContent | null>
  /** The content for a moderator or operator (no visibility check). */
  find(id: number, trx?: TransactionClientContract): Promise<ReportedContent | null>
  /** Hides it from everyone but its author and moderators, or shows it again. */
  setHidden(id: number, hidden: boolean, trx: TransactionClientContract): Promise<void>
  /** Removes it for good (the owning module decides: delete, or keep a "removed" stub). */
  remove(id: number, trx: TransactionClientContract): Promise<void>
}

const reportables = new Map<string, Reportable>()

export function registerReportable(reportable: Reportable) {
  reportables.set(reportable.kind, reportable)
}

export function reportableOf(kind: string): Reportable | undefined {
  return reportables.get(kind)
}

export function reportableKinds(): string[] {
  return [...reportables.keys()]
}
