import type { FeedCursor } from '#modules/feed/services/feed_source'
import { SOURCE_NAME } from '#modules/feed/services/registry'

/**
 * The "Older" link's position, opaque to people: base64url of
 * "<publishedAt ISO> <source> <id>". Decoding never throws: anything that
 * is not exactly what encodeCursor() wrote gives null (the validator turns
 * that into a 422 with a message, never a 500).
 */
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ID = /^[1-9]\d{0,15}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

export const CURSOR_MAX_LENGTH = 120

export function encodeCursor(cursor: FeedCursor): string {
  const text = `${cursor.publishedAt.toISOString()} ${cursor.source} ${cursor.id}`
  return Buffer.from(text, 'utf8').toString('base64url')
}

export function decodeCursor(value: string): FeedCursor | null {
  if (value.length > CURSOR_MAX_LENGTH || !BASE64URL.test(value)) return null
  const parts = Buffer.from(value, 'base64url').toString('utf8').split(' ')
  if (parts.length !== 3) return null
  const [iso, source, id] = parts
  if (!ISO_MS.test(iso) || !SOURCE_NAME.test(source) || !ID.test(id)) return null
  const publishedAt = new Date(iso)
  /** Rejects impossible dates such as February 30th, which Date would roll over. */
  if (Number.isNaN(publishedAt.getTime()) || publishedAt.toISOString() !== iso) return null
  const numericId = Number(id)
  if (!Number.isSafeInteger(numericId)) return null
  return { publishedAt, source, id: numericId }
}
