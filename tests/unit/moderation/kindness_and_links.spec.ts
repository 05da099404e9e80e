import { test } from '@japa/runner'
import { kindnessCheck } from '#modules/moderation/index'
import { containsLink } from '#modules/moderation/services/posting_guard/links'
import {
  ENGLISH_EXPRESSIONS,
  ENGLISH_WORDS,
  FRENCH_EXPRESSIONS,
  FRENCH_WORDS,
} from '#modules/moderation/services/kindness/word_lists'

const flagged = (text: string) => kindnessCheck([text]).flagged

test.group('Kindness check: word matching', () => {
  test('the lists hold 50 to 100 words per language', ({ assert }) => {
    assert.isAtLeast(FRENCH_WORDS.length + FRENCH_EXPRESSIONS.length, 50)
    assert.isAtLeast(ENGLISH_WORDS.length + ENGLISH_EXPRESSIONS.length, 50)
    assert.isAtMost(FRENCH_WORDS.length, 100)
    assert.isAtMost(ENGLISH_WORDS.length, 100)
  })

  test('whole words, whatever the case and the accents', ({ assert }) => {
    assert.deepEqual(kindnessCheck(['Quel CONNARD ce voisin']), {
      flagged: true,
      words: ['CONNARD'],
    })
    assert.isTrue(flagged('Espèce d’enculé'))
    assert.isTrue(flagged('espece d encule'))
    assert.isTrue(flagged('Un vrai IMBECILE'))
    assert.isTrue(flagged('You are an idiot.'))
    assert.isTrue(flagged('what an asshole'))
    assert.isTrue(flagged('Ces abrutis du 3e'))
    assert.isTrue(flagged('Bande de connards'))
  })

  test('no word inside another word', ({ assert }) => {
    assert.isFalse(flagged('Merci pour votre connaissance du quartier'))
    assert.isFalse(flagged('Je suis contre la fermeture du marché'))
    assert.isFalse(flagged('Une conférence sur les idiomes'))
    assert.isFalse(flagged('Scunthorpe and Essex are far away'))
    assert.isFalse(flagged('Un concours de pétanque, consultez le programme'))
  })

  test('"con" and other everyday homographs only count inside an expression', ({ assert }) => {
    assert.isFalse(flagged('Dîner partagé : chili con carne et tarte'))
    assert.isFalse(flagged('Pros and cons of the new bike lane'))
    assert.isFalse(flagged('Impasse en cul-de-sac, ma chatte a disparu'))
    assert.isFalse(flagged('Collecte des ordures ménagères le mardi'))
    assert.isFalse(flagged('Retard du bus 24, la douche est réparée'))
    assert.isFalse(flagged('Dogs bite, careful with the gate'))
    assert.isTrue(flagged('Pauvre con !'))
    assert.isTrue(flagged("T'es con ou quoi"))
    assert.isTrue(flagged('Ferme ta gueule'))
    assert.isTrue(flagged('fils de pute'))
    assert.isTrue(flagged('Shut the fuck up'))
  })

  test('disguises: repeated letters, digits and symbols for letters', ({ assert }) => {
    assert.isTrue(flagged('connnnnard'))
    assert.isTrue(flagged('saloooope'))
    assert.isTrue(flagged('c0nn4rd'))
    assert.isTrue(flagged('$alope'))
    assert.isTrue(flagged('abrut1'))
    assert.isTrue(flagged('1d10t'))
    /** Numbers stay numbers. */
    assert.isFalse(flagged('Rendez-vous le 12 à 14h30, 3 places'))
  })

  test('the words come back as typed, each once, expressions whole', ({ assert }) => {
    const result = kindnessCheck(['Quel Connard, vraiment un connard.', 'Pauvre con, fils de pute'])
    assert.deepEqual(result.words, ['Connard', 'Pauvre con', 'fils de pute'])
    assert.deepEqual(kindnessCheck(['Ferme ta gueule, sale con']).words, [
      'Ferme ta gueule',
      'sale con',
    ])
    assert.deepEqual(kindnessCheck(['Bonjour les voisins', '']), { flagged: false, words: [] })
  })
})

test.group('Posting guard: what a link is', () => {
  test('URLs, www. and bare domains', ({ assert }) => {
    for (const text of [
      'Voir https://example.org/promo',
      'http://bit.ly/x',
      'Sur www.leboncoin.fr demain',
      'rendez-vous sur example.com',
      'Mon site : ferme-du-pre.fr',
      'WWW.EXAMPLE.NET',
      'shop.example.co.uk',
    ]) {
      assert.isTrue(containsLink([text]), text)
    }
  })

  test('not e-mail addresses, numbers, abbreviations or sentences without a space', ({
    assert,
  }) => {
    for (const text of [
      'Écrivez-moi à jean@example.org',
      'Prix : 3.50 €, version 2.0',
      'M. Dupont, etc. Merci.De rien',
      'Fin.Début',
      'Call.me later',
    ]) {
      assert.isFalse(containsLink([text]), text)
    }
  })
})
