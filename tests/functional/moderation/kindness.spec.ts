import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import {
  emptyPhotoFolder,
  loanFields,
  neighbour,
  submitExchange,
} from '#tests/functional/exchanges/support'
import { eventFields, submitEvent } from '#tests/functional/events/support'
import { camilleWritesToLea, messageCount, reply } from '#tests/functional/messaging/support'

const REMINDER = 'class="flash flash--notice kindness-reminder"'
const PUBLISH_ANYWAY = /<input type="checkbox"[^>]*name="kindness_confirmed" value="1"/

async function count(table: string): Promise<number> {
  const row = await db.from(table).count('* as total').first()
  return Number(row.total)
}

test.group('Moderation: the kindness reminder', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('an insult brings the form back with the reminder and every value; "publish anyway" publishes', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const fields = loanFields({
      title: 'Perceuse du connard du 3e',
      description: 'Je la prête, même si mon voisin est un vrai C0NNARD qui fait du bruit.',
      category: 'tools',
    })
    const reminded = await submitExchange(camille.agent, fields)
    assert.equal(reminded.status, 422)
    assert.include(reminded.text, REMINDER)
    const text = textOf(reminded)
    assert.include(text, 'Certains mots de votre texte pourraient blesser vos voisins')
    assert.include(text, 'Mots concernés : connard C0NNARD')
    assert.match(reminded.text, PUBLISH_ANYWAY)
    assert.include(text, 'Publier quand même')
    /** Nothing lost, nothing written. */
    assert.include(reminded.text, 'value="Perceuse du connard du 3e"')
    assert.include(reminded.text, 'un vrai C0NNARD qui fait du bruit.</textarea>')
    assert.match(reminded.text, /<option value="tools"\s+selected/)
    assert.equal(await count('exchanges'), 0)

    const published = await submitExchange(camille.agent, { ...fields, kindness_confirmed: '1' })
    assert.equal(published.status, 302)
    assert.match(published.location ?? '', /^\/exchanges\/\d+$/)
    const row = await db.from('exchanges').firstOrFail()
    assert.equal(row.title, 'Perceuse du connard du 3e')
  })

  test('in English for an English speaker, on the events form too', async ({ assert }) => {
    const sam = await neighbour('Sam Taylor', { locale: 'en' })
    const reminded = await submitEvent(
      sam.agent,
      eventFields({ description: 'Bring a dish. Whoever parked there is an asshole.' })
    )
    assert.equal(reminded.status, 422)
    const text = textOf(reminded)
    assert.include(text, 'Some words in your text could hurt your neighbours')
    assert.include(text, 'Words in question: asshole')
    assert.include(text, 'Publish anyway')
    assert.include(reminded.text, 'Whoever parked there is an asshole.</textarea>')
    assert.equal(await count('events'), 0)

    const published = await submitEvent(
      sam.agent,
      eventFields({
        description: 'Bring a dish. Whoever parked there is an asshole.',
        kindness_confirmed: '1',
      })
    )
    assert.equal(published.status, 302)
    assert.equal(await count('events'), 1)
  })

  test('plain text publishes at once, with no reminder', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const published = await submitExchange(
      camille.agent,
      loanFields({ description: 'Perceuse contre un coup de main, chili con carne offert.' })
    )
    assert.equal(published.status, 302)
    assert.notInclude(published.text, REMINDER)
    assert.equal(await count('exchanges'), 1)
  })

  test('a message reply gets the reminder too, then goes when confirmed', async ({ assert }) => {
    const { lea, conversationId } = await camilleWritesToLea()
    const before = await messageCount(conversationId)
    const reminded = await reply(lea, conversationId, 'Ferme ta gueule, abruti.')
    assert.equal(reminded.status, 422)
    assert.include(textOf(reminded), 'Mots concernés : Ferme ta gueule abruti')
    assert.include(reminded.text, 'Ferme ta gueule, abruti.</textarea>')
    assert.equal(await messageCount(conversationId), before)

    const sent = await lea.agent.submit(
      `/messages/${conversationId}`,
      { message_body: 'Ferme ta gueule, abruti.', kindness_confirmed: '1' },
      { from: `/messages/${conversationId}` }
    )
    assert.equal(sent.status, 302)
    assert.equal(await messageCount(conversationId), before + 1)
  })
})
