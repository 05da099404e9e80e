import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { startConversation } from '#modules/messaging/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import { postEvent } from '#tests/functional/events/support'
import {
  decide,
  hiddenAt,
  makeModerator,
  neighbour,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

/** Three verified neighbours report the content from its page. */
async function threeReports(kind: string, id: number, path: string) {
  for (const name of ['Léa Dubois', 'Karim Benali', 'Hugo Petit']) {
    const reporter = await neighbour(name)
    const response = await report(reporter.agent, kind, id, path)
    if (response.status !== 302) throw new Error(`report refused (${response.status})`)
  }
}

test.group('Moderation: reporting and hiding each kind of content', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a message: reported from the thread, hidden by a moderator, a placeholder for its recipient', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const conversationId = await startConversation({
      from: camille.id,
      to: lea.id,
      firstMessage: 'Message désagréable à signaler',
    })
    const message = await db.from('messages').where('conversation_id', conversationId).firstOrFail()
    const thread = `/messages/${conversationId}`
    const page = await lea.agent.get(thread)
    assert.include(page.text, 'name="report_reason"')
    assert.notInclude((await camille.agent.get(thread)).text, 'name="report_reason"')

    assert.equal((await report(lea.agent, 'message', Number(message.id), thread)).status, 302)
    const row = await db.from('reports').where({ kind: 'message' }).firstOrFail()
    assert.equal(Number(row.neighbourhood_id), camille.neighbourhoodId)

    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    const review = await moderator.agent.get(`/moderation/reports/${row.id}`)
    assert.include(textOf(review), 'Message désagréable à signaler')
    assert.equal((await decide(moderator.agent, Number(row.id), 'hide')).status, 302)
    assert.isNotNull(await hiddenAt('messages', Number(message.id)))

    const forLea = await lea.agent.get(thread)
    assert.notInclude(forLea.text, 'Message désagréable à signaler')
    assert.include(textOf(forLea), 'Ce message a été masqué par la modération.')
    assert.notInclude((await lea.agent.get('/messages')).text, 'Message désagréable')
    const forCamille = await camille.agent.get(thread)
    assert.include(forCamille.text, 'Message désagréable à signaler')
    assert.include(textOf(forCamille), 'masqué par la modération')

    /** A stranger to the conversation cannot report it. */
    const karim = await neighbour('Karim Benali')
    const stranger = await report(karim.agent, 'message', Number(message.id), '/exchanges/new')
    assert.equal(stranger.status, 404)
  })

  test('an alert: three reports hide it from the list and its page', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const [row] = await db
      .table('alerts')
      .insert({
        author_id: camille.id,
        neighbourhood_id: camille.neighbourhoodId,
        kind: 'theft_burglary',
        severity: 'urgent',
        text: 'Fausse alerte pour faire peur aux voisins',
        status: 'active',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    const id = Number(row.id)
    const viewer = await neighbour('Nina Roux')
    const page = await viewer.agent.get(`/alerts/${id}`)
    assert.include(page.text, 'name="report_reason"')
    assert.include((await viewer.agent.get('/alerts')).text, 'Fausse alerte')

    await threeReports('alert', id, `/alerts/${id}`)
    assert.isNotNull(await hiddenAt('alerts', id))
    assert.equal((await viewer.agent.get(`/alerts/${id}`)).status, 404)
    assert.notInclude((await viewer.agent.get('/alerts')).text, 'Fausse alerte')
    const own = await camille.agent.get(`/alerts/${id}`)
    assert.equal(own.status, 200)
    assert.include(textOf(own), 'masqué par la modération')

    /** The neighbourhood's moderator still reads it. */
    const moderator = await neighbour('Omar Said')
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    assert.equal((await moderator.agent.get(`/alerts/${id}`)).status, 200)
    assert.equal(
      (await decide(moderator.agent, await reportIdFor('alert', id), 'remove')).status,
      302
    )
    assert.isNull(await db.from('alerts').where('id', id).first())
  })

  test('an event: three reports hide it from the feed and its page; a dismissal shows it again', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await postEvent(camille, { title: 'Soirée douteuse au square' })
    const viewer = await neighbour('Nina Roux')
    assert.include((await viewer.agent.get(`/events/${id}`)).text, 'name="report_reason"')
    assert.include((await viewer.agent.get('/feed')).text, `/events/${id}`)

    await threeReports('event', id, `/events/${id}`)
    assert.isNotNull(await hiddenAt('events', id))
    assert.equal((await viewer.agent.get(`/events/${id}`)).status, 404)
    assert.notInclude((await viewer.agent.get('/feed')).text, `/events/${id}`)
    assert.notInclude((await viewer.agent.get('/events')).text, 'Soirée douteuse')
    assert.include(textOf(await camille.agent.get(`/events/${id}`)), 'masqué par la modération')

    const moderator = await neighbour('Omar Said')
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    await decide(moderator.agent, await reportIdFor('event', id), 'dismiss')
    assert.isNull(await hiddenAt('events', id))
    assert.equal((await viewer.agent.get(`/events/${id}`)).status, 200)
  })
})
