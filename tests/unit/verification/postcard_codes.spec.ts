import { test } from '@japa/runner'
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  generateCode,
  normaliseCode,
} from '#modules/verification/services/postcards/codes'
import {
  codeMatches,
  decryptCode,
  encryptCode,
  hashCode,
} from '#modules/verification/services/postcards/code_secrets'

test.group('Postcard codes', () => {
  test('the alphabet leaves out symbols people confuse', ({ assert }) => {
    for (const confusing of ['0', 'O', '1', 'I', 'L']) assert.notInclude(CODE_ALPHABET, confusing)
    assert.lengthOf(new Set(CODE_ALPHABET), CODE_ALPHABET.length)
    assert.equal(CODE_ALPHABET, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789')
  })

  test('generated codes have 8 symbols of the alphabet and vary', ({ assert }) => {
    const codes = new Set<string>()
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = generateCode()
      assert.lengthOf(code, CODE_LENGTH)
      assert.match(code, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
      codes.add(code)
      for (const symbol of code) seen.add(symbol)
    }
    assert.equal(codes.size, 2000)
    /** Every symbol shows up: the draw covers the whole alphabet. */
    assert.equal(seen.size, CODE_ALPHABET.length)
  })

  test('printed in two groups of four', ({ assert }) => {
    assert.equal(formatCode('ABCDEFGH'), 'ABCD-EFGH')
  })

  test('what people type is normalised: case, spaces and dashes do not matter', ({ assert }) => {
    assert.equal(normaliseCode('ABCD-EFGH'), 'ABCDEFGH')
    assert.equal(normaliseCode('abcd efgh'), 'ABCDEFGH')
    assert.equal(normaliseCode(' ab-cd ef gh '), 'ABCDEFGH')
    assert.equal(normaliseCode('abcd.efgh'), 'ABCDEFGH')
  })

  test('anything that cannot be a code is refused', ({ assert }) => {
    assert.isNull(normaliseCode(''))
    assert.isNull(normaliseCode('ABCD-EFG'), 'too short')
    assert.isNull(normaliseCode('ABCD-EFGHJ'), 'too long')
    assert.isNull(normaliseCode('ABCD-EFG0'), 'zero is not in the alphabet')
    assert.isNull(normaliseCode('ABCD-EFGI'), 'I is not in the alphabet')
    assert.isNull(normaliseCode('ABCD-EFGL'), 'L is not in the alphabet')
    assert.isNull(normaliseCode('ABCD_EFGH'))
    assert.isNull(normaliseCode('ÀBCD-EFGH'))
  })

  test('stored as a keyed hash, compared in constant time', ({ assert }) => {
    const hash = hashCode('ABCDEFGH')
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.notInclude(hash, 'ABCDEFGH')
    assert.equal(hashCode('ABCDEFGH'), hash)
    assert.notEqual(hashCode('ABCDEFGJ'), hash)
    assert.isTrue(codeMatches('ABCDEFGH', hash))
    assert.isFalse(codeMatches('ABCDEFGJ', hash))
    assert.isFalse(codeMatches('ABCDEFGH', 'abcd'))
  })

  test('encrypted copy round-trips and does not show the code', ({ assert }) => {
    const encrypted = encryptCode('ABCDEFGH')
    assert.notInclude(encrypted, 'ABCDEFGH')
    assert.notEqual(encryptCode('ABCDEFGH'), encrypted)
    assert.equal(decryptCode(encrypted), 'ABCDEFGH')
    assert.isNull(decryptCode(encrypted.slice(0, -4) + 'AAAA'))
  })
})
