import { randomInt } from 'node:crypto'

/**
 * Invitation codes: typed from paper, read aloud on the phone. 32 symbols
 * without 0/O and 1/I (easy to confuse), 10 of them: 2^50 codes, so
 * guessing one is hopeless even without a rate limit.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const CODE_LENGTH = 10

/** Session key where the join page keeps the code until the newcomer has an account and a home. */
export const INVITATION_SESSION_KEY = 'invitation_code'

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** A fresh code from the system's cryptographic random source. */
export function generateCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/**
 * What a person typed ("abcd efgh-jk") as stored ("ABCDEFGHJK"), or null
 * when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '')
  return VALID.test(code) ? code : null
}

/** "ABCDEFGHJK" -> "ABCD-EFGH-JK", for people. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-')
}
