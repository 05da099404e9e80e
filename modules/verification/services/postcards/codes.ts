import { randomInt } from 'node:crypto'

/**
 * Postcard codes: read on paper and typed by hand. 31 symbols without
 * 0/O, 1/I/L (easy to confuse), 8 of them: about 8.5e11 codes, while only 5
 * tries are allowed per card.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** A fresh code from the system's cryptographic random source. */
export function generateCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/**
 * What a person typed ("abcd efgh", "ABCD-EFGH") as stored ("ABCDEFGH"),
 * or null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '')
  return VALID.test(code) ? code : null
}

/** "ABCDEFGH" -> "ABCD-EFGH", as printed. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}
