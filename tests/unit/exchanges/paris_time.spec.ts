import { test } from '@japa/runner'
import {
  addDays,
  endOfParisDay,
  isDay,
  isoWeekday,
  parisMoment,
  parisParts,
  parisToday,
} from '#modules/exchanges/services/paris_time'
import { dayText, rideWhen, weekdayNames } from '#modules/exchanges/services/ride_text'

test.group('Exchanges: dates and times as French residents type them', () => {
  test('a typed date and time is Paris time, summer or winter', ({ assert }) => {
    assert.equal(parisMoment('2026-12-12', '08:30')!.toISOString(), '2026-12-12T07:30:00.000Z')
    assert.equal(parisMoment('2026-07-14', '08:30')!.toISOString(), '2026-07-14T06:30:00.000Z')
    assert.equal(endOfParisDay('2026-12-12').toISOString(), '2026-12-12T23:00:00.000Z')
    assert.deepEqual(parisParts(new Date('2026-12-12T07:30:00Z')), {
      day: '2026-12-12',
      time: '08:30',
    })
  })

  test('today is the Paris day, even just before midnight UTC', ({ assert }) => {
    assert.equal(parisToday(new Date('2026-12-31T23:30:00Z')), '2027-01-01')
    assert.equal(parisToday(new Date('2026-06-30T21:59:00Z')), '2026-06-30')
    assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  })

  test('only real calendar dates', ({ assert }) => {
    assert.isTrue(isDay('2028-02-29'))
    assert.isFalse(isDay('2026-02-29'))
    assert.isFalse(isDay('2026-13-01'))
    assert.isFalse(isDay('12/12/2026'))
  })

  test('days of the week, Monday first', ({ assert }) => {
    assert.equal(isoWeekday('2026-11-30'), 1)
    assert.equal(isoWeekday('2026-12-06'), 7)
    assert.equal(weekdayNames([5, 1, 3], 'fr'), 'lun., mer., ven.')
    assert.equal(weekdayNames([1, 3], 'en'), 'Mon, Wed')
    assert.equal(dayText('2026-12-12', 'fr'), '12 décembre 2026')
    assert.equal(dayText('2026-12-12', 'en'), '12 December 2026')
  })

  test('when a ride leaves, as text', ({ assert }) => {
    const once = rideWhen(
      {
        departsAt: new Date('2026-12-12T07:30:00Z'),
        weekdays: null,
        departureTime: null,
        recursUntil: null,
      },
      'fr'
    )
    assert.equal(once.departs, 'samedi 12 décembre 2026 à 08:30')
    const weekly = rideWhen(
      { departsAt: null, weekdays: [1, 3], departureTime: '07:45:00', recursUntil: '2027-01-31' },
      'fr'
    )
    assert.deepEqual(weekly, {
      departs: null,
      days: 'lun., mer.',
      time: '07:45',
      until: '31 janvier 2027',
    })
  })
})
