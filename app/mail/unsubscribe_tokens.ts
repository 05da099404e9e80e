import { randomUUID } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { appUrl } from '#config/app'

/**
 * What a link stops: one type of notification, the digest, or every
 * invitation to an address that has no account (userId is then 0).
 */
export type UnsubscribeTarget = { type: string } | { digest: true } | { address: string }

export interface UnsubscribeToken {
  /** Random: recorded once used, so each link works once. */
  id: string
  /** 0 for an address target: nobody's account. */
  userId: number
  target: UnsubscribeTarget
}

const PURPOSE = 'notifications.unsubscribe'
/** Long enough for a mail read late; a stale link still leaves the preferences page. */
export const TOKEN_LIFETIME = '180 days'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const TYPE = /^[a-z0-9_.]{1,60}$/
/** Loose on purpose: only our own signed tokens get here; the address is never shown. */
const ADDRESS = /^[^@\s]{1,64}@[^@\s]{1,255}$/

/**
 * Encrypted with APP_KEY (AES-GCM, authenticated), so the link neither
 * shows who it belongs to (nor the address it stops) nor can be altered
 * or forged.
 */
export function signUnsubscribe(userId: number, target: UnsubscribeTarget): string {
  const payload = {
    i: randomUUID(),
    ...('address' in target ? { u: 0, a: target.address } : { u: userId }),
    ...('digest' in target ? { d: 1 } : 'type' in target ? { t: target.type } : {}),
  }
  return encryption.encrypt(payload, TOKEN_LIFETIME, PURPOSE)
}

export function unsubscribeUrl(userId: number, target: UnsubscribeTarget): string {
  return new URL(`/unsubscribe/${signUnsubscribe(userId, target)}`, appUrl).href
}

/** For mails to people without an account (invitations): stops every invitation to `address`. */
export function addressUnsubscribeUrl(address: string): string {
  return unsubscribeUrl(0, { address })
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
  const { i, u, t, d, a } = payload as Record<string, unknown>
  if (typeof i !== 'string' || !UUID.test(i) || !Number.isSafeInteger(u)) return null
  if (a !== undefined) {
    if (u !== 0 || typeof a !== 'string' || !ADDRESS.test(a)) return null
    return { id: i, userId: 0, target: { address: a } }
  }
  if (d === 1) return { id: i, userId: u as number, target: { digest: true } }
  if (typeof t === 'string' && TYPE.test(t)) {
    return { id: i, userId: u as number, target: { type: t } }
  }
  return null
}
