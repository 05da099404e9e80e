import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'

/**
 * Codes mailed to a shop's business address, as the verification module
 * does for residents: 8 symbols without look-alikes, stored as an HMAC
 * keyed with APP_KEY (its own context), and encrypted only until an
 * operator has printed the card.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const LENGTH = 8
const HMAC_CONTEXT = 'quartier:shop-postcard-code:'
const PURPOSE = 'shop_postcard_code'

export function generateCode(): string {
  let code = ''
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** "abcd-efgh" -> "ABCDEFGH", or null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '')
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(code) ? code : null
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

export function hashCode(code: string): string {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(HMAC_CONTEXT + code)
    .digest('hex')
}

export function codeMatches(code: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex')
  const actual = Buffer.from(hashCode(code), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

export function encryptCode(code: string): string {
  return encryption.encrypt(code, undefined, PURPOSE)
}

export function decryptCode(value: string): string | null {
  const code = encryption.decrypt<unknown>(value, PURPOSE)
  return typeof code === 'string' ? code : null
}
