import { test } from '@japa/runner'
import { formatPhone, toE164Mobile } from '#app/sms/phone_numbers'

test.group('SMS phone numbers', () => {
  test('{input} -> {expected}')
    .with([
      { input: '06 12 34 56 78', expected: '+33612345678' },
      { input: '0612345678', expected: '+33612345678' },
      { input: '07.12.34.56.78', expected: '+33712345678' },
      { input: '06-12-34-56-78', expected: '+33612345678' },
      { input: '+33 6 12 34 56 78', expected: '+33612345678' },
      { input: '+33 (0)6 12 34 56 78', expected: '+33612345678' },
      { input: '+33 06 12 34 56 78', expected: '+33612345678' },
      { input: '0033 6 12 34 56 78', expected: '+33612345678' },
      { input: '  +33612345678 ', expected: '+33612345678' },
      /** Overseas departments: national format, their own country codes. */
      { input: '0692 12 34 56', expected: '+262692123456' },
      { input: '0690 12 34 56', expected: '+590690123456' },
      { input: '0696 12 34 56', expected: '+596696123456' },
      { input: '0694 12 34 56', expected: '+594694123456' },
      { input: '0639 12 34 56', expected: '+262639123456' },
      /** Abroad: any plausible E.164 number. */
      { input: '+32 470 12 34 56', expected: '+32470123456' },
      { input: '+41 79 123 45 67', expected: '+41791234567' },
    ])
    .run(({ assert }, row) => {
      assert.equal(toE164Mobile(row.input), row.expected)
    })

  test('refuses {input} ({why})')
    .with([
      { input: '', why: 'empty' },
      { input: '01 23 45 67 89', why: 'a landline cannot receive an SMS' },
      { input: '09 12 34 56 78', why: 'a VoIP number' },
      { input: '+33 1 23 45 67 89', why: 'a landline in international form' },
      { input: '06 12 34 56', why: 'too short' },
      { input: '06 12 34 56 78 90', why: 'too long' },
      { input: '6 12 34 56 78', why: 'no leading 0 nor country code' },
      { input: '06 12 AB 56 78', why: 'letters' },
      { input: '+0 612345678', why: 'no country code starts with 0' },
      { input: '+1234', why: 'too short for E.164' },
      { input: '06 12 34 56 78; DROP', why: 'other characters' },
      { input: '0'.repeat(40), why: 'absurdly long' },
    ])
    .run(({ assert }, row) => {
      assert.isNull(toE164Mobile(row.input))
    })

  test('formats French numbers for people', ({ assert }) => {
    assert.equal(formatPhone('+33612345678'), '+33 6 12 34 56 78')
    assert.equal(formatPhone('+32470123456'), '+32470123456')
  })
})
