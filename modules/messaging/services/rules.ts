/** A message is plain text of 1 to 2000 characters once trimmed. */
export const MESSAGE_MAX_LENGTH = 2000

/** Messages shown per page of a thread (older ones behind a keyset link). */
export const THREAD_PAGE_SIZE = 50

/** Conversations shown per page of the inbox. */
export const INBOX_PAGE_SIZE = 30

/** How long a message stays unread before its recipient gets a mail... */
export const UNREAD_MAIL_DELAY_MINUTES = 15

/** ...and at most one such mail per conversation and recipient in this time. */
export const UNREAD_MAIL_INTERVAL_MINUTES = 60

/** Characters of a message shown in the inbox and live announcements. */
export const EXCERPT_LENGTH = 90

/**
 * The stored form of a message: line endings unified, control characters
 * other than line breaks and tabs dropped, trimmed. Null when what is
 * left is empty or too long.
 */
export function normaliseBody(body: unknown): string | null {
  if (typeof body !== 'string') return null
  const text = body
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim()
  if (text.length === 0 || text.length > MESSAGE_MAX_LENGTH) return null
  return text
}

/** The start of a message on one line, cut at a word when possible. */
export function excerptOf(body: string, length = EXCERPT_LENGTH): string {
  const line = body.replace(/\s+/g, ' ').trim()
  if (line.length <= length) return line
  const cut = line.slice(0, length)
  const space = cut.lastIndexOf(' ')
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
