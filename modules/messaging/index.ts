/**
 * Public API of the messaging module: the only file other modules import.
 * One-to-one conversations between residents, optionally about a subject
 * (an exchange...): one per pair and subject, one "direct" per pair.
 *
 * These functions run their own transactions: call them after yours has
 * committed (the embedded database has one connection).
 */
import { urlFor } from '@adonisjs/core/services/url_builder'
import StartConversation, {
  type ConversationSubject,
} from '#modules/messaging/actions/start_conversation'
import SendMessage from '#modules/messaging/actions/send_message'
import { unreadCount as unreadCountQuery } from '#modules/messaging/queries/unread'
import { isBlocked as isBlockedQuery } from '#modules/messaging/queries/blocks'
import { conversationsAbout as conversationsAboutQuery } from '#modules/messaging/queries/conversations_about'
import {
  BlockedError,
  InvalidMessageError,
  NotParticipantError,
  RecipientGoneError,
  RecipientUnavailableError,
} from '#modules/messaging/services/errors'

export type { ConversationSubject }

/**
 * Opens (or returns the existing) one-to-one conversation between two
 * residents about a subject, optionally with a first message from `from`.
 * The sender must be verified (VerificationRequiredError, the 403 "verify
 * your address" page); the recipient must be a resident
 * (RecipientUnavailableError, a 404). Throws BlockedError if either
 * blocked the other, InvalidMessageError for an empty or over-long
 * message, LinksNotAllowedError (moderation) for a link from an account
 * under a week old, unless `firstMessageIsDefault` says the message is
 * the site's own wording. Returns the conversation id.
 */
export async function startConversation(input: {
  from: number
  to: number
  subject?: ConversationSubject | null
  firstMessage?: string | null
  firstMessageIsDefault?: boolean
}): Promise<number> {
  const { conversationId } = await new StartConversation().execute(input)
  return conversationId
}

/**
 * Sends a message in a conversation the sender is part of (BlockedError,
 * NotParticipantError, VerificationRequiredError, InvalidMessageError,
 * RecipientGoneError when the other one erased their account: a 409).
 */
export function sendMessage(input: {
  conversationId: number
  senderId: number
  body: string
}): Promise<{ messageId: number }> {
  return new SendMessage().execute(input)
}

/** Messages the resident has not read yet, in all their conversations. */
export function unreadCount(userId: number): Promise<number> {
  return unreadCountQuery(userId)
}

/** Whether either resident blocked the other. */
export function isBlocked(a: number, b: number): Promise<boolean> {
  return isBlockedQuery(a, b)
}

/** The participant's conversations about a subject, most recently active first. */
export function conversationsAbout(
  subject: { type: string; id: number },
  participantId: number
): Promise<{ id: number; otherId: number; lastMessageAt: Date | null }[]> {
  return conversationsAboutQuery(subject, participantId)
}

/** Path of a conversation's thread page (for links from other modules). */
export function conversationPath(conversationId: number): string {
  return urlFor('messaging.conversations.show', { id: conversationId })
}

export {
  BlockedError,
  NotParticipantError,
  RecipientGoneError,
  RecipientUnavailableError,
  InvalidMessageError,
}
