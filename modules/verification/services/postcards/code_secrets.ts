import { createHmac, timingSafeEqual } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'

/** Keeps these HMACs apart from any other use of APP_KEY. */
const HMAC_CONTEXT = 'quartier:postcard-code:'
const ENCRYPTION_PURPOSE = 'postcard_code'

/** HMAC-SHA256 (keyed with APP_KEY) of a normalised code, hex: what is stored and compared. */
export function hashCode(code: string): string {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(HMAC_CONTEXT + code)
    .digest('hex')
}

/** Whether a normalised code matches a stored hash, in constant time. */
export function codeMatches(code: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex')
  const actual = Buffer.from(hashCode(code), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** The code encrypted (AES-256-GCM, APP_KEY), kept only until the batch is posted. */
export function encryptCode(code: string): string {
  return encryption.encrypt(code, undefined, ENCRYPTION_PURPOSE)
}

/** The code back from its encrypted form, or null (wrong key, tampered). */
export function decryptCode(value: string): string | null {
  const code = encryption.decrypt<unknown>(value, ENCRYPTION_PURPOSE)
  return typeof code === 'string' ? code : null
}
