import { test } from '@japa/runner'
import {
  formatCents,
  formatQuantity,
  lineCostCents,
  nextTier,
  savings,
  unitPriceFor,
} from '#modules/group_buys/services/pricing'

/** Intl writes French with narrow no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

/** Pellets: 0.35 €/kg, 0.32 € from 1 t, 0.29 € from 3 t (given out of order). */
const TIERS = [
  { minTotalMilli: 3_000_000, unitPriceCents: 29 },
  { minTotalMilli: 1_000_000, unitPriceCents: 32 },
]

test.group('Group buys: tiers', () => {
  test('a tier starts at its quantity, inclusive; below the first, the base price', ({
    assert,
  }) => {
    assert.equal(unitPriceFor(35, TIERS, 0), 35)
    assert.equal(unitPriceFor(35, TIERS, 999_999), 35)
    assert.equal(unitPriceFor(35, TIERS, 1_000_000), 32)
    assert.equal(unitPriceFor(35, TIERS, 2_999_999), 32)
    assert.equal(unitPriceFor(35, TIERS, 3_000_000), 29)
    assert.equal(unitPriceFor(35, TIERS, Number.MAX_SAFE_INTEGER), 29)
  })

  test('no tiers: always the base price, and no next tier', ({ assert }) => {
    assert.equal(unitPriceFor(35, [], 0), 35)
    assert.equal(unitPriceFor(35, [], 10 ** 15), 35)
    assert.isNull(nextTier([], 0))
  })

  test('the next tier is the first one not reached yet', ({ assert }) => {
    assert.deepEqual(nextTier(TIERS, 0), { minTotalMilli: 1_000_000, unitPriceCents: 32 })
    assert.deepEqual(nextTier(TIERS, 999_999), { minTotalMilli: 1_000_000, unitPriceCents: 32 })
    assert.deepEqual(nextTier(TIERS, 1_000_000), { minTotalMilli: 3_000_000, unitPriceCents: 29 })
    assert.isNull(nextTier(TIERS, 3_000_000))
  })
})

test.group('Group buys: costs (rounded half up to the cent)', () => {
  test('awkward quantities and prices', ({ assert }) => {
    /** 0.333 kg at 0.29 €/kg = 9.657 cents. */
    assert.equal(lineCostCents(333, 29), 10)
    /** 12 999.5 litres at 1.13 €/L = 1 468 943.5 cents: the half goes up. */
    assert.equal(lineCostCents(12_999_500, 113), 1_468_944)
    assert.equal(lineCostCents(500, 1), 1)
    assert.equal(lineCostCents(499, 1), 0)
    assert.equal(lineCostCents(1_500, 3), 5)
    assert.equal(lineCostCents(1, 29), 0)
    assert.equal(lineCostCents(0, 29), 0)
    assert.equal(lineCostCents(1_000, 29), 29)
  })

  test('huge totals stay exact (BigInt inside) or are refused, never approximated', ({
    assert,
  }) => {
    assert.equal(lineCostCents(Number.MAX_SAFE_INTEGER, 1_000), Number.MAX_SAFE_INTEGER)
    /** 9 007 199 254 740 991 × 7 / 1000 = 63 050 394 783 186.937: floats get this wrong. */
    assert.equal(lineCostCents(Number.MAX_SAFE_INTEGER, 7), 63_050_394_783_187)
    assert.throws(() => lineCostCents(Number.MAX_SAFE_INTEGER, 10_000_000), RangeError)
    assert.throws(() => lineCostCents(0.5, 29), RangeError)
    assert.throws(() => lineCostCents(-1, 29), RangeError)
  })
})

test.group('Group buys: savings (percent of the base cost, one decimal, half up)', () => {
  test('what a pledge saves against the base price', ({ assert }) => {
    assert.deepEqual(savings(1_000_000, 35, 28), { cents: 7_000, percent: 20 })
    /** The saving is the difference of the two rounded costs: 10 - 8 cents. */
    assert.deepEqual(savings(333, 29, 23), { cents: 2, percent: 20 })
    /** 401 / 2000 = 20.05 % -> 20.1 %. */
    assert.deepEqual(savings(1_000, 2_000, 1_599), { cents: 401, percent: 20.1 })
    /** A third: 33.33… % -> 33.3 %. */
    assert.deepEqual(savings(1_000, 3, 2), { cents: 1, percent: 33.3 })
    assert.deepEqual(savings(1_000, 29, 29), { cents: 0, percent: 0 })
  })

  test('a nil base cost saves 0 %; a higher price is a negative saving', ({ assert }) => {
    assert.deepEqual(savings(1, 29, 23), { cents: 0, percent: 0 })
    assert.deepEqual(savings(0, 29, 23), { cents: 0, percent: 0 })
    assert.deepEqual(savings(1_000, 100, 120), { cents: -20, percent: -20 })
  })
})

test.group('Group buys: formats', () => {
  test('quantities in the reader’s language, exact to the milli-unit', ({ assert }) => {
    assert.equal(plain(formatQuantity(12_999_500, 'litre', 'fr')), '12 999,5 litres')
    assert.equal(plain(formatQuantity(12_999_500, 'litre', 'en')), '12,999.5 litres')
    assert.equal(plain(formatQuantity(333, 'kg', 'fr')), '0,333 kg')
    assert.equal(formatQuantity(1_000, 'bag', 'fr'), '1 sac')
    assert.equal(formatQuantity(1_500, 'bag', 'fr'), '1,5 sac')
    assert.equal(formatQuantity(1_500, 'bag', 'en'), '1.5 bags')
    assert.equal(formatQuantity(1_000, 'bag', 'en'), '1 bag')
    assert.equal(
      plain(formatQuantity(Number.MAX_SAFE_INTEGER, 'kg', 'en')),
      '9,007,199,254,740.991 kg'
    )
  })

  test('money always with its cents', ({ assert }) => {
    assert.equal(plain(formatCents(10, 'fr')), '0,10 €')
    assert.equal(formatCents(29, 'en'), '€0.29')
    assert.equal(plain(formatCents(123_456, 'fr')), '1 234,56 €')
    assert.equal(formatCents(100, 'en'), '€1.00')
    assert.equal(plain(formatCents(Number.MAX_SAFE_INTEGER, 'fr')), '90 071 992 547 409,91 €')
  })
})
