import { test } from '@japa/runner'
import { isValidRna, isValidSiret, luhnValid } from '#modules/organisations/services/siret'
import { openNow, parseDayHours } from '#modules/organisations/services/opening_hours'

test.group('Organisations: SIRET and RNA', () => {
  test('a valid SIRET passes Luhn', ({ assert }) => {
    assert.isTrue(isValidSiret('73282932000074'))
    assert.isTrue(luhnValid('73282932000074'))
  })

  test('a wrong check digit or length is refused', ({ assert }) => {
    assert.isFalse(isValidSiret('73282932000075'))
    assert.isFalse(isValidSiret('7328293200007'))
    assert.isFalse(isValidSiret('732829320000744'))
    assert.isFalse(isValidSiret('7328293200007A'))
  })

  test('La Poste (SIREN 356 000 000): digit sum a multiple of 5 instead of Luhn', ({ assert }) => {
    /** Sum 15, not Luhn. */
    assert.isFalse(luhnValid('35600000000001'))
    assert.isTrue(isValidSiret('35600000000001'))
    /** Luhn, but a sum of 19. */
    assert.isTrue(luhnValid('35600000000014'))
    assert.isFalse(isValidSiret('35600000000014'))
    /** Head office: both rules agree. */
    assert.isTrue(isValidSiret('35600000000048'))
  })

  test('RNA: W and 9 digits', ({ assert }) => {
    assert.isTrue(isValidRna('W751234567'))
    assert.isFalse(isValidRna('W75123456'))
    assert.isFalse(isValidRna('751234567W'))
  })
})

test.group('Organisations: opening hours', () => {
  test('ranges are read, sorted and checked', ({ assert }) => {
    assert.deepEqual(parseDayHours('14h00-19h00, 9:00-12:30'), [
      ['09:00', '12:30'],
      ['14:00', '19:00'],
    ])
    assert.deepEqual(parseDayHours(''), [])
    assert.isNull(parseDayHours('12:00-09:00'))
    assert.isNull(parseDayHours('09:00-12:00, 11:00-13:00'))
    assert.isNull(parseDayHours('all day'))
  })

  test('"open now" is computed in Paris time, closures included', ({ assert }) => {
    const hours = { '1': [['09:00', '12:30'] as [string, string]] }
    /** Monday 5 January 2026, 10:00 in Paris = 09:00 UTC (winter). */
    const mondayTen = new Date('2026-01-05T09:00:00Z')
    assert.isTrue(openNow(hours, [], mondayTen))
    /** 12:45 in Paris. */
    assert.isFalse(openNow(hours, [], new Date('2026-01-05T11:45:00Z')))
    /** 08:30 UTC is 09:30 in Paris: open, though 08:30 is before opening in UTC. */
    assert.isTrue(openNow(hours, [], new Date('2026-01-05T08:30:00Z')))
    assert.isFalse(openNow(hours, [{ from: '2026-01-05', until: '2026-01-06' }], mondayTen))
    assert.isNull(openNow({}, [], mondayTen))
  })
})
