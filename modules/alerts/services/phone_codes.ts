import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import env from '#start/env'

/** Keeps these HMACs apart from any other use of APP_KEY. */
const HMAC_CONTEXT = 'quartier:alert-phone-code:'

/** Six digits from a CSPRNG ("004217" included). */
export function newPhoneCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/**
 * HMAC-SHA256 keyed with APP_KEY of the code, bound to the resident and
 * the number it was sent to (a code cannot confirm another number): a
 * leaked table gives nothing to brute-force offline.
 */
export function hashPhoneCode(userId: number, phone: string, code: string): string {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`${HMAC_CONTEXT}${userId}:${phone}:${code}`)
    .digest('hex')
}

export function phoneCodeMatches(
  userId: number,
  phone: string,
  code: string,
  storedHash: string
): boolean {
  const expected = Buffer.from(storedHash, 'hex')
  const actual = Buffer.from(hashPhoneCode(userId, phone, code), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
