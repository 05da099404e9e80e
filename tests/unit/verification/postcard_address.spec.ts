import { test } from '@japa/runner'
import {
  addressKey,
  parseAddressLabel,
  postcodeInDepartement,
} from '#modules/verification/services/postcards/address'

test.group('Postcard addresses: reading the home label', () => {
  test('the address API label', ({ assert }) => {
    assert.deepEqual(parseAddressLabel('21 Rue Saint-Georges 35000 Rennes'), {
      street: '21 Rue Saint-Georges',
      postcode: '35000',
      town: 'Rennes',
    })
  })

  test('a typed label with a comma', ({ assert }) => {
    assert.deepEqual(parseAddressLabel('12 rue des Écoles, 75005 Paris'), {
      street: '12 rue des Écoles',
      postcode: '75005',
      town: 'Paris',
    })
  })

  test('numbers in the street name, a town in several words, a trailing country', ({ assert }) => {
    assert.deepEqual(parseAddressLabel('3 rue du 8 Mai 1945, 35400 Saint-Malo, France'), {
      street: '3 rue du 8 Mai 1945',
      postcode: '35400',
      town: 'Saint-Malo',
    })
    assert.deepEqual(parseAddressLabel('  5   bis avenue Foch  69006   Lyon 6e Arrondissement '), {
      street: '5 bis avenue Foch',
      postcode: '69006',
      town: 'Lyon 6e Arrondissement',
    })
    assert.deepEqual(parseAddressLabel('Lieu-dit Kerbras 29200 Brest'), {
      street: 'Lieu-dit Kerbras',
      postcode: '29200',
      town: 'Brest',
    })
  })

  test('what cannot be read is left for the resident to fill in', ({ assert }) => {
    assert.deepEqual(parseAddressLabel('Près de la gare, Rennes'), {
      street: 'Près de la gare',
      postcode: '',
      town: '',
    })
    assert.deepEqual(parseAddressLabel('75005 Paris'), {
      street: '',
      postcode: '75005',
      town: 'Paris',
    })
  })
})

test.group('Postcard addresses: one address, whatever the spelling', () => {
  test('case, accents, punctuation and spaces set aside', ({ assert }) => {
    const key = addressKey('12 rue des Écoles', '75005')
    assert.equal(key, '12ruedesecoles|75005')
    assert.equal(addressKey('12, RUE DES ECOLES', '75005'), key)
    assert.equal(addressKey('12  rue   des-écoles.', '75005'), key)
    assert.equal(addressKey('12 r. des Ecoles', '75005'), key)
    assert.notEqual(addressKey('14 rue des Écoles', '75005'), key)
    assert.notEqual(addressKey('12 rue des Écoles', '75006'), key)
  })

  test('usual abbreviations spelt out', ({ assert }) => {
    assert.equal(
      addressKey('12 bd St-Michel', '75005'),
      addressKey('12 boulevard Saint-Michel', '75005')
    )
    assert.equal(addressKey('3 av. Foch', '69006'), addressKey('3 Avenue Foch', '69006'))
  })
})

test.group('Postcard addresses: postcode in the home département', () => {
  test('mainland', ({ assert }) => {
    assert.isTrue(postcodeInDepartement('75005', '75'))
    assert.isTrue(postcodeInDepartement('35000', '35'))
    assert.isTrue(postcodeInDepartement('01000', '01'))
    assert.isTrue(postcodeInDepartement('01000', '1'))
    assert.isFalse(postcodeInDepartement('35000', '75'))
    assert.isFalse(postcodeInDepartement('7500', '75'))
    assert.isFalse(postcodeInDepartement('75005', ''))
  })

  test('Corsica and overseas', ({ assert }) => {
    assert.isTrue(postcodeInDepartement('20000', '2A'))
    assert.isTrue(postcodeInDepartement('20200', '2B'))
    assert.isTrue(postcodeInDepartement('20200', '2b'))
    assert.isFalse(postcodeInDepartement('21000', '2A'))
    assert.isTrue(postcodeInDepartement('97400', '974'))
    assert.isFalse(postcodeInDepartement('97100', '974'))
    assert.isTrue(postcodeInDepartement('97100', '971'))
  })
})
