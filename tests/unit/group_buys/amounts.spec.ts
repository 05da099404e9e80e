import { test } from '@japa/runner'
import {
  parseEuros,
  parseQuantity,
  priceInput,
  quantityInput,
} from '#modules/group_buys/services/amounts'
import { householdKey } from '#modules/group_buys/services/household'
import { parisMoment } from '#modules/group_buys/services/paris_time'

test.group('Group buys: typed amounts', () => {
  test('euros become integer cents without floats', ({ assert }) => {
    assert.equal(parseEuros('0,29'), 29)
    assert.equal(parseEuros('0.29'), 29)
    assert.equal(parseEuros('0,3'), 30)
    assert.equal(parseEuros('12'), 1200)
    assert.equal(parseEuros(' 1 234,56 € '), 123_456)
    assert.equal(parseEuros('12€50'), 1250)
    /** 0.29 × 100 is 28.999999999999996 in floating point: never read that way. */
    assert.equal(parseEuros('1,13'), 113)
    assert.equal(parseEuros('100000'), 10_000_000)
    assert.equal(parseEuros('0'), 0)
    assert.isNull(parseEuros(''))
    assert.isNull(parseEuros(null))
    for (const text of ['0,295', '-1', '1e3', '1,2,3', 'douze', '100000,01', '1.234,56']) {
      assert.isUndefined(parseEuros(text), text)
    }
  })

  test('quantities become integer milli-units, three decimals at most', ({ assert }) => {
    assert.equal(parseQuantity('0,333'), 333)
    assert.equal(parseQuantity('12 999,5'), 12_999_500)
    assert.equal(parseQuantity('12999.5'), 12_999_500)
    assert.equal(parseQuantity('1'), 1000)
    assert.equal(parseQuantity('0,001'), 1)
    assert.equal(parseQuantity('10000000'), 10_000_000_000)
    assert.isNull(parseQuantity('  '))
    for (const text of ['0,0005', '-2', '1e2', '10000000,001', 'trois', '1,5 kg']) {
      assert.isUndefined(parseQuantity(text), text)
    }
  })

  test('written back in the reader’s form', ({ assert }) => {
    assert.equal(priceInput(29, 'fr'), '0,29')
    assert.equal(priceInput(30, 'fr'), '0,30')
    assert.equal(priceInput(1200, 'en'), '12')
    assert.equal(priceInput(123_456, 'en'), '1234.56')
    assert.equal(quantityInput(12_999_500, 'fr'), '12999,5')
    assert.equal(quantityInput(333, 'en'), '0.333')
    assert.equal(quantityInput(5_000_000, 'fr'), '5000')
    assert.equal(quantityInput(null, 'fr'), '')
  })
})

test.group('Group buys: households and Paris time', () => {
  test('one address, however it is typed, is one household; no address, one resident', ({
    assert,
  }) => {
    const key = householdKey(1, { addressLabel: '12 rue Linné, 75005 Paris', townId: 7 })
    assert.equal(householdKey(2, { addressLabel: '12, Rue LINNE  75005 paris', townId: 7 }), key)
    assert.notEqual(householdKey(2, { addressLabel: '14 rue Linné, 75005 Paris', townId: 7 }), key)
    assert.notEqual(householdKey(2, { addressLabel: '12 rue Linné, 75005 Paris', townId: 8 }), key)
    assert.match(key, /^[0-9a-f]{64}$/)
    assert.notEqual(
      householdKey(1, { addressLabel: null, townId: 7 }),
      householdKey(2, { addressLabel: null, townId: 7 })
    )
  })

  test('a deadline typed in Paris time; the hour skipped in March does not exist', ({ assert }) => {
    assert.equal(parisMoment('2026-01-15', '18:00')!.toISOString(), '2026-01-15T17:00:00.000Z')
    assert.equal(parisMoment('2026-07-15', '18:00')!.toISOString(), '2026-07-15T16:00:00.000Z')
    assert.isNull(parisMoment('2026-03-29', '02:30'))
    assert.isNull(parisMoment('2026-02-30', '12:00'))
  })
})
