import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import { hiddenAt, neighbour, postExchange, report } from '#tests/functional/moderation/support'

test.group('Moderation: reports and the automatic hide', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('two reports leave content visible; the third from distinct verified residents hides it', async ({
    assert,
  }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const path = `/exchanges/${id}`
    const reporters = [
      await neighbour('Léa Dubois'),
      await neighbour('Karim Benali'),
      await neighbour('Hugo Petit'),
    ]
    const viewer = await neighbour('Nina Roux')

    for (const reporter of reporters.slice(0, 2)) {
      const response = await report(reporter.agent, 'exchange', id, path)
      assert.equal(response.status, 302)
      assert.equal(response.location, path)
    }
    assert.isNull(await hiddenAt('exchanges', id))
    assert.equal((await viewer.agent.get(path)).status, 200)

    const third = await report(reporters[2].agent, 'exchange', id, path, {
      report_reason: 'scam',
      report_note: 'Demande un virement avant le prêt',
    })
    assert.equal(third.status, 302)
    assert.isNotNull(await hiddenAt('exchanges', id))
    const logged = await db.from('moderation_actions').where({ kind: 'exchange', content_id: id })
    assert.lengthOf(logged, 1)
    assert.equal(logged[0].action, 'auto_hide')
    assert.isNull(logged[0].moderator_id)

    /** Gone for neighbours (page and feed); the author still sees it, with the notice. */
    assert.equal((await viewer.agent.get(path)).status, 404)
    assert.equal((await reporters[0].agent.get(path)).status, 404)
    const own = await author.agent.get(path)
    assert.equal(own.status, 200)
    assert.include(textOf(own), 'masqué par la modération')
    const feed = await viewer.agent.get('/feed')
    assert.notInclude(feed.text, path)
  })

  test('reports from unverified residents do not count towards the threshold', async ({
    assert,
  }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const path = `/exchanges/${id}`
    for (const name of ['Léa Dubois', 'Karim Benali', 'Hugo Petit']) {
      const reporter = await neighbour(name, { verified: false })
      assert.equal((await report(reporter.agent, 'exchange', id, path)).status, 302)
    }
    assert.isNull(await hiddenAt('exchanges', id))
    const rows = await db.from('reports').where({ kind: 'exchange', content_id: id })
    assert.lengthOf(rows, 3)
    assert.isTrue(rows.every((row) => row.counts === false))

    /** Two verified reports more: two counted, still visible; a third counted hides it. */
    await report((await neighbour('Nina Roux')).agent, 'exchange', id, path)
    await report((await neighbour('Omar Said')).agent, 'exchange', id, path)
    assert.isNull(await hiddenAt('exchanges', id))
    await report((await neighbour('Paul Girard')).agent, 'exchange', id, path)
    assert.isNotNull(await hiddenAt('exchanges', id))
  })

  test('the same resident cannot report the same content twice', async ({ assert }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const path = `/exchanges/${id}`
    const lea = await neighbour('Léa Dubois')
    assert.equal((await report(lea.agent, 'exchange', id, path)).status, 302)
    const again = await report(lea.agent, 'exchange', id, path, { report_reason: 'insult' })
    assert.equal(again.status, 409)
    assert.include(textOf(again), 'Vous avez déjà signalé ce contenu')
    assert.lengthOf(await db.from('reports').where({ kind: 'exchange', content_id: id }), 1)
  })

  test('refused reports: bad input, own content, content the reporter cannot see', async ({
    assert,
  }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const path = `/exchanges/${id}`
    const lea = await neighbour('Léa Dubois')

    const badReason = await report(lea.agent, 'exchange', id, path, { report_reason: 'boring' })
    assert.equal(badReason.status, 422)
    assert.include(textOf(badReason), 'Choisissez un motif dans la liste.')
    const badKind = await report(lea.agent, 'poem', id, path)
    assert.equal(badKind.status, 404)
    const own = await report(author.agent, 'exchange', id, path)
    assert.equal(own.status, 422)

    /** Clignancourt is far from Saint-Victor: the exchange (neighbourhood scope) is not theirs to see. */
    const distant = await neighbour('Karim Benali', {
      at: { longitude: 2.3466, latitude: 48.8909 },
    })
    const unseen = await report(distant.agent, 'exchange', id, '/exchanges/new?kind=gift')
    assert.equal(unseen.status, 404)
    assert.lengthOf(await db.from('reports'), 0)
  })

  test('reports are rate-limited per resident (20 a day)', async ({ assert }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const path = `/exchanges/${id}`
    const lea = await neighbour('Léa Dubois')
    await lea.agent.get(path)
    for (let attempt = 0; attempt < 20; attempt++) {
      const refused = await lea.agent.submit('/reports', {
        kind: 'exchange',
        id: String(id),
        report_reason: 'not-a-reason',
      })
      assert.equal(refused.status, 422)
    }
    const blocked = await lea.agent.submit('/reports', {
      kind: 'exchange',
      id: String(id),
      report_reason: 'spam',
    })
    assert.equal(blocked.status, 429)
    assert.lengthOf(await db.from('reports'), 0)
  })
})
