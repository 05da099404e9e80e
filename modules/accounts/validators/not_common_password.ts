import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/**
 * Passwords everyone tries first (the head of public breach lists, plus
 * local favourites). Length does the rest of the work (min 10).
 */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'azertyuiop',
  'password12',
  'password123',
  'password1234',
  'motdepasse',
  'motdepasse1',
  'motdepasse123',
  'iloveyou12',
  'jetaime1234',
  'soleil1234',
  'bonjour123',
  'bonjour1234',
  'azerty1234',
  'azerty12345',
  'qwerty1234',
  'qwerty12345',
  'abcdefghij',
  'abcd123456',
  'football12',
  'marseille13',
  'doudou1234',
  'chocolat12',
  'quartier123',
  'voisinage123',
  'welcome123',
  'letmein123',
  'admin12345',
  'passw0rd123',
])

function isTooSimple(value: string) {
  const lower = value.toLowerCase()
  if (COMMON.has(lower)) return true
  /** One character repeated, or a plain run like 0123456789 / abcdefghij. */
  if (new Set(lower).size <= 2) return true
  return false
}

export const notCommonPassword = vine.createRule(
  (value: unknown, _: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (isTooSimple(value)) {
      field.report('This password is too easy to guess', 'notCommonPassword', field)
    }
  }
)
