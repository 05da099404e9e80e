import { accounts } from '#modules/accounts/index'
import { levelAllows, trustLevel } from '#modules/verification/index'
import { blockBetween } from '#modules/messaging/queries/blocks'
import type { ConversationRow } from '#modules/messaging/queries/participants'
import { threadPage, type ThreadMessage } from '#modules/messaging/queries/thread'
import { shownName } from '#modules/messaging/services/names'
import { MESSAGE_MAX_LENGTH } from '#modules/messaging/services/rules'

/** A type, not an interface: views take it as Record<string, unknown>. */
export type ThreadState = {
  conversation: ConversationRow
  otherName: string
  messages: (ThreadMessage & { mine: boolean })[]
  olderBefore: number | null
  /** The newest page: new messages are appended live, the read mark moves. */
  isLatest: boolean
  lastMessageId: number
  block: { byViewer: boolean; byOther: boolean }
  /** The other one erased their account: the thread is read-only. */
  otherLeft: boolean
  /** Verified, so allowed to write (else the page says how to get verified). */
  mayWrite: boolean
  maxLength: number
}

/**
 * What the thread page shows a participant (the caller checked they are
 * one); a former resident is named in the viewer's `locale`.
 */
export async function threadState(
  viewerId: number,
  conversation: ConversationRow,
  before: number | null,
  locale?: string
): Promise<ThreadState> {
  const [page, names, block, level, otherLeft] = await Promise.all([
    threadPage(conversation.id, before),
    accounts.displayNames([conversation.otherId], locale),
    blockBetween(viewerId, conversation.otherId),
    trustLevel(viewerId),
    accounts.isErased(conversation.otherId),
  ])
  const messages = page.messages.map((message) => ({
    ...message,
    mine: message.senderId === viewerId,
  }))
  return {
    conversation,
    otherName: shownName(names.get(conversation.otherId) ?? ''),
    messages,
    olderBefore: page.olderBefore,
    isLatest: before === null,
    lastMessageId: messages.length ? messages[messages.length - 1].id : 0,
    block,
    otherLeft,
    mayWrite: levelAllows(level, 'message'),
    maxLength: MESSAGE_MAX_LENGTH,
  }
}
