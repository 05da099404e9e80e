import { test } from '@japa/runner'
import { formatPrice, parsePrice, priceInput } from '#modules/exchanges/services/money'
import { publicName } from '#modules/verification/index'

test.group('Exchanges: prices', () => {
  test('typed euros become integer cents; empty or zero is free', ({ assert }) => {
    assert.equal(parsePrice('12'), 1200)
    assert.equal(parsePrice('12,5'), 1250)
    assert.equal(parsePrice('12.50'), 1250)
    assert.equal(parsePrice(' 1 200,00 € '), 120000)
    assert.equal(parsePrice('0,10'), 10)
    assert.equal(parsePrice('0.1'), 10)
    /** Floating point never rounds a cent away. */
    assert.equal(parsePrice('19,99'), 1999)
    assert.equal(parsePrice('0.29'), 29)
    assert.equal(parsePrice('12€50'), 1250)
    assert.equal(parsePrice('12 € 50'), 1250)
    assert.isNull(parsePrice(''))
    assert.isNull(parsePrice(null))
    assert.isNull(parsePrice('0'))
    assert.isNull(parsePrice('0,00'))
  })

  test('anything else is not a price', ({ assert }) => {
    for (const text of [
      'douze',
      '12,505',
      '-5',
      '1e3',
      '12,50,0',
      '10000,01',
      '99999999',
      '12,5€0,1',
    ]) {
      assert.isUndefined(parsePrice(text), text)
    }
    assert.equal(parsePrice('10000'), 1_000_000)
  })

  test('shown in the reader’s language, typed back the same way', ({ assert }) => {
    assert.equal(formatPrice(1250, 'fr'), '12,50\u00a0€')
    assert.equal(formatPrice(1200, 'fr'), '12\u00a0€')
    assert.equal(formatPrice(1250, 'en'), '€12.50')
    assert.equal(formatPrice(120000, 'fr'), '1\u202f200\u00a0€')
    assert.equal(priceInput(1250, 'fr'), '12,50')
    assert.equal(priceInput(1200, 'en'), '12')
    assert.equal(priceInput(null, 'fr'), '')
  })
})

test.group('Exchanges: authors’ names', () => {
  test('verified readers see the first name and initial, others the first name only', ({
    assert,
  }) => {
    assert.equal(publicName('Camille Martin', 'verified'), 'Camille M.')
    assert.equal(publicName('Jean-Pierre de la Fontaine', 'verified'), 'Jean-Pierre F.')
    assert.equal(publicName('  Léa   Dubois ', 'verified'), 'Léa D.')
    assert.equal(publicName('élodie émond', 'verified'), 'élodie É.')
    assert.equal(publicName('Karim', 'verified'), 'Karim')
    assert.equal(publicName('Camille Martin', 'unverified'), 'Camille')
    /** An erased account's label is never cut, in either language. */
    assert.equal(publicName('Ancien·ne voisin·e', 'verified'), 'Ancien·ne voisin·e')
    assert.equal(publicName('Former resident', 'unverified'), 'Former resident')
  })
})
