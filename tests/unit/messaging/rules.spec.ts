import { test } from '@japa/runner'
import { MESSAGE_MAX_LENGTH, excerptOf, normaliseBody } from '#modules/messaging/services/rules'
import { shownName } from '#modules/messaging/services/names'

test.group('Messaging rules', () => {
  test('a message is trimmed plain text of 1 to 2000 characters', ({ assert }) => {
    assert.equal(normaliseBody('  Bonjour  '), 'Bonjour')
    assert.equal(normaliseBody('Ligne 1\r\nLigne 2\rLigne 3'), 'Ligne 1\nLigne 2\nLigne 3')
    assert.equal(normaliseBody('bip\u0007 \u0000ok\tfin'), 'bip ok\tfin')
    assert.equal(normaliseBody('<b>gras</b>'), '<b>gras</b>', 'kept as text, escaped when shown')
    assert.isNull(normaliseBody(''))
    assert.isNull(normaliseBody(' \n\t '))
    assert.isNull(normaliseBody(42))
    assert.equal(normaliseBody('x'.repeat(MESSAGE_MAX_LENGTH))?.length, 2000)
    assert.isNull(normaliseBody('x'.repeat(MESSAGE_MAX_LENGTH + 1)))
  })

  test('an excerpt is one line, cut at a word', ({ assert }) => {
    assert.equal(excerptOf('Bonjour\n\nà  tous'), 'Bonjour à tous')
    const long = 'Bonjour, je cherche une perceuse à percussion pour fixer une étagère ce week-end'
    assert.equal(excerptOf(long, 30), 'Bonjour, je cherche une…')
    assert.equal(excerptOf('x'.repeat(40), 30), `${'x'.repeat(30)}…`)
  })

  test('names read as first name and initial', ({ assert }) => {
    assert.equal(shownName('Camille Martin'), 'Camille M.')
    assert.equal(shownName('Sophie Le Gall'), 'Sophie G.')
    assert.equal(shownName('  élodie   éluard '), 'élodie É.')
    assert.equal(shownName('Karim'), 'Karim')
    assert.equal(shownName('Jean-Pierre Dupont'), 'Jean-Pierre D.')
  })
})
