import { test } from '@japa/runner'
import { badgeDate, clockText, whenValues } from '#modules/events/services/dates'
import { parisMoment } from '#modules/events/services/paris_time'

test.group('Events: dates as residents read them', () => {
  test('the feed badge says the Paris day and hour', ({ assert }) => {
    /** 13:00 UTC on 5 December is 14 h in Paris (winter time). */
    assert.equal(badgeDate(new Date('2026-12-05T13:00:00Z'), 'fr'), 'sam. 5 déc., 14 h')
    assert.equal(badgeDate(new Date('2026-12-05T13:30:00Z'), 'fr'), 'sam. 5 déc., 14 h 30')
    assert.equal(badgeDate(new Date('2026-12-05T13:00:00Z'), 'en'), 'Sat 5 Dec, 2 pm')
    /** 12:00 UTC in July is 14 h in Paris (summer time). */
    assert.equal(clockText(new Date('2027-07-14T12:00:00Z'), 'fr'), '14 h')
    assert.equal(clockText(new Date('2027-07-14T22:05:00Z'), 'en'), '12:05 am')
  })

  test('one day or two', ({ assert }) => {
    const sameDay = whenValues(
      new Date('2026-12-05T13:00:00Z'),
      new Date('2026-12-05T17:00:00Z'),
      'fr'
    )
    assert.deepEqual(sameDay, {
      key: 'events.when.same_day',
      values: { day: 'samedi 5 décembre 2026', from: '14 h', until: '18 h' },
    })
    const twoDays = whenValues(
      new Date('2026-12-05T21:00:00Z'),
      new Date('2026-12-06T09:00:00Z'),
      'fr'
    )
    assert.equal(twoDays.key, 'events.when.days')
    assert.deepEqual(twoDays.values, { from: 'sam. 5 déc., 22 h', until: 'dim. 6 déc., 10 h' })
  })

  test('typed Paris times: the skipped spring hour does not exist', ({ assert }) => {
    assert.isNull(parisMoment('2027-03-28', '02:30'))
    assert.equal(parisMoment('2027-03-28', '03:30')!.toISOString(), '2027-03-28T01:30:00.000Z')
    assert.equal(parisMoment('2027-10-31', '12:00')!.toISOString(), '2027-10-31T11:00:00.000Z')
  })
})
