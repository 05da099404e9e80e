import db from '@adonisjs/lucid/services/db'
import { residentHome } from '#modules/neighbourhoods/index'
import { accounts } from '#modules/accounts/index'
import { guardPost, recordPost } from '#modules/moderation/index'
import { authorizeTrust } from '#modules/verification/index'
import { isBlocked } from '#modules/messaging/queries/blocks'
import { insertMessage } from '#modules/messaging/services/post_message'
import { deliverLive } from '#modules/messaging/services/live'
import { normaliseBody } from '#modules/messaging/services/rules'
import {
  BlockedError,
  InvalidMessageError,
  RecipientUnavailableError,
} from '#modules/messaging/services/errors'

/** What a conversation is about, e.g. an exchange (shown as a link on the thread). */
export interface ConversationSubject {
  type: string
  id: number
  title: string
  url: string
}

export interface StartConversationInput {
  from: number
  to: number
  subject?: ConversationSubject | null
  firstMessage?: string | null
  /**
   * The first message is the site's own wording ("I'm interested in
   * «title»"), not the sender's: it may quote text someone else wrote,
   * so the new-resident link rule does not apply to it.
   */
  firstMessageIsDefault?: boolean
}

/** Developer-given subjects: a wrong one is a bug, not a resident's mistake. */
function checkedSubject(subject: ConversationSubject) {
  if (!/^[a-z][a-z_]{0,29}$/.test(subject.type)) throw new TypeError('subject.type: a-z_')
  if (!Number.isSafeInteger(subject.id) || subject.id <= 0) throw new TypeError('subject.id')
  /** A path on this site only: never another origin or a javascript: URL in a link. */
  if (!/^\/(?![/\\])/.test(subject.url)) throw new TypeError('subject.url: a local path')
  const title = subject.title.replace(/\s+/g, ' ').trim().slice(0, 200)
  return { type: subject.type, id: subject.id, title, url: subject.url.slice(0, 300) }
}

/**
 * Opens the one conversation two residents have about a subject (or
 * their direct one), or returns it if it exists; with a first message,
 * sends it. Only residents talk to each other, and the sender must be
 * verified. Runs its own transaction: call it after yours has committed.
 */
export default class StartConversation {
  async execute(input: StartConversationInput): Promise<{ conversationId: number }> {
    const from = Number(input.from)
    const to = Number(input.to)
    const subject = input.subject ? checkedSubject(input.subject) : null
    const body =
      input.firstMessage === null || input.firstMessage === undefined
        ? null
        : normaliseBody(input.firstMessage)
    if (input.firstMessage !== null && input.firstMessage !== undefined && body === null) {
      throw new InvalidMessageError()
    }
    if (from === to) throw new RecipientUnavailableError()

    await authorizeTrust(from, 'message')
    const [recipient, home] = await Promise.all([accounts.findResident(to), residentHome(to)])
    if (!recipient || !home) throw new RecipientUnavailableError()

    const [low, high] = from < to ? [from, to] : [to, from]
    const result = await db.transaction(async (trx) => {
      /**
       * An erased account keeps its row (named "former resident") but no
       * home: refused above, and here again under a share lock in case the
       * erasure committed since (a 404, like an unknown resident).
       */
      if (await accounts.isErased(to, trx)) throw new RecipientUnavailableError()
      if (await isBlocked(from, to, trx)) throw new BlockedError()
      /** As send_message: new residents send no links (before any write, so nothing is left). */
      const guarded = body !== null && !input.firstMessageIsDefault
      if (guarded) await guardPost(from, { kind: 'message', texts: [body] }, trx)
      const now = new Date()
      /** The unique index (pair, subject) makes a second start return the first. */
      const inserted = await trx
        .table('conversations')
        .insert({
          user_low_id: low,
          user_high_id: high,
          subject_type: subject?.type ?? null,
          subject_id: subject?.id ?? null,
          subject_title: subject?.title ?? null,
          subject_url: subject?.url ?? null,
          created_at: now,
        })
        .onConflict(['user_low_id', 'user_high_id', 'subject_type', 'subject_id'])
        .ignore()
        .returning('id')
      let conversationId = inserted[0] ? Number(inserted[0].id ?? inserted[0]) : null
      if (conversationId === null) {
        const existing = await trx
          .from('conversations')
          .where('user_low_id', low)
          .where('user_high_id', high)
          .if(subject, (query) =>
            query.where('subject_type', subject!.type).where('subject_id', subject!.id)
          )
          .if(!subject, (query) => query.whereNull('subject_type').whereNull('subject_id'))
          .forUpdate()
          .select('id')
          .firstOrFail()
        conversationId = Number(existing.id)
      } else {
        await trx.table('conversation_participants').insert(
          [from, to].map((userId) => ({
            conversation_id: conversationId,
            user_id: userId,
            last_read_message_id: 0,
            created_at: now,
          }))
        )
      }
      const messageId = body
        ? await insertMessage(trx, { conversationId, senderId: from, body })
        : null
      /** As send_message: whether messages count is moderation's decision (today they do not). */
      if (guarded) await recordPost(from, 'message', trx)
      return { conversationId, messageId }
    })

    if (result.messageId !== null && body !== null) {
      await deliverLive({
        conversationId: result.conversationId,
        messageId: result.messageId,
        senderId: from,
        recipientId: to,
        body,
      })
    }
    return { conversationId: result.conversationId }
  }
}
