import { randomUUID } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { appUrl } from '#config/app'

/** What a link stops: one type of notification, or the digest. */
export type UnsubscribeTarget = { type: string } | { digest: true }

export interface UnsubscribeToken {
  /** Random: recorded once used, so each link works once. */
  id: string
  userId: number
  target: UnsubscribeTarget
}

const PURPOSE = 'notifications.unsubscribe'
/** Long enough for a mail read late; a stale link still leaves the preferences page. */
export const TOKEN_LIFETIME = '180 days'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const TYPE = /^[a-z0-9_.]{1,60}$/

/**
 * Encrypted with APP_KEY (AES-GCM, authenticated), so the link neither
 * shows who it belongs to nor can be altered or forged.
 */
export function signUnsubscribe(userId: number, target: UnsubscribeTarget): string {
  const payload = {
    i: randomUUID(),
    u: userId,
    ...('digest' in target ? { d: 1 } : { t: target.type }),
  }
  return encryption.encrypt(payload, TOKEN_LIFETIME, PURPOSE)
}

export function unsubscribeUrl(userId: number, target: UnsubscribeTarget): string {
  return new URL(`/unsubscribe/${signUnsubscribe(userId, target)}`, appUrl).href
}

/** The token's content, or null when tampered with, expired or not one of ours. */
export function readUnsubscribe(token: string): UnsubscribeToken | null {
  if (token.length > 1000) return null
  let payload: unknown
  try {
    payload = encryption.decrypt<unknown>(token, PURPOSE)
  } catch {
    return null
  }
  if (!payload || typeof payload !== 'object') return null
  const { i, u, t, d } = payload as Record<string, unknown>
  if (typeof i !== 'string' || !UUID.test(i) || !Number.isSafeInteger(u)) return null
  if (d === 1) return { id: i, userId: u as number, target: { digest: true } }
  if (typeof t === 'string' && TYPE.test(t)) {
    return { id: i, userId: u as number, target: { type: t } }
  }
  return null
}
