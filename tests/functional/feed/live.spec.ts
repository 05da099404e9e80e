import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import { announceFeedItem } from '#modules/feed/index'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  FEED,
  JARDIN_DES_PLANTES,
  neighbourhoodId,
  openStream,
  resident,
  subscribe,
} from '#tests/functional/feed/feed_support'

/**
 * The "N new posts" banner's channel over a real SSE connection: only a
 * neighbourhood's residents may listen, and announceFeedItem() reaches
 * exactly the neighbourhoods that may see the item.
 */
test.group('Feed: live announcements', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident may listen to their own neighbourhood feed, verified or not', async ({
    assert,
    cleanup,
  }) => {
    const victor = await neighbourhoodId('saint-victor')
    for (const verified of [true, false]) {
      const camille = await resident('Camille Martin', { verified })
      await camille.agent.get(FEED)
      const uid = randomUUID()
      const stream = await openStream(camille.agent, uid)
      cleanup(() => stream.close())
      assert.equal(stream.status, 200)
      const response = await subscribe(camille.agent, uid, `neighbourhoods/${victor}/feed`)
      assert.equal(response.status, 204)
    }
  })

  test("another neighbourhood's feed channel is refused, even a nearby one", async ({
    assert,
    cleanup,
  }) => {
    const karim = await resident('Karim Benali', { at: CLIGNANCOURT })
    const jules = await resident('Jules Petit', { at: JARDIN_DES_PLANTES })
    const victor = await neighbourhoodId('saint-victor')
    for (const [someone, slug] of [
      [karim, 'clignancourt'],
      [jules, 'jardin-des-plantes'],
    ] as const) {
      const page = await someone.agent.get(FEED)
      assert.include(page.text, `href="/neighbourhoods/${slug}"`)
      const uid = randomUUID()
      const stream = await openStream(someone.agent, uid)
      cleanup(() => stream.close())
      /** Transmit answers 400 when the channel's authorisation says no. */
      const response = await subscribe(someone.agent, uid, `neighbourhoods/${victor}/feed`)
      assert.equal(response.status, 400)
    }
  })

  test('a visitor or a resident without a neighbourhood cannot listen', async ({
    assert,
    cleanup,
  }) => {
    const victor = await neighbourhoodId('saint-victor')
    const nomad = await resident('Noé Nomade', { at: null })
    await nomad.agent.get('/profile')
    const uid = randomUUID()
    const stream = await openStream(nomad.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(nomad.agent, uid, `neighbourhoods/${victor}/feed`)).status, 400)

    const visitor = new Agent()
    await visitor.get('/login')
    const visitorUid = randomUUID()
    const visitorStream = await openStream(visitor, visitorUid)
    cleanup(() => visitorStream.close())
    const response = await subscribe(visitor, visitorUid, `neighbourhoods/${victor}/feed`)
    assert.equal(response.status, 400)
  })

  test('announceFeedItem reaches the neighbourhoods that may see the item, with no content', async ({
    assert,
    cleanup,
  }) => {
    const victor = await neighbourhoodId('saint-victor')
    const clignancourt = await neighbourhoodId('clignancourt')
    const jardin = await neighbourhoodId('jardin-des-plantes')
    const camille = await resident('Camille Martin')
    await camille.agent.get(FEED)
    const uid = randomUUID()
    const stream = await openStream(camille.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(camille.agent, uid, `neighbourhoods/${victor}/feed`)).status, 204)

    /** Not for Saint-Victor: a distant neighbourhood's "nearby" item, a nearby one's own-only item. */
    await announceFeedItem({ source: 'exchanges', neighbourhoodId: clignancourt, scope: 'nearby' })
    await announceFeedItem({ source: 'exchanges', neighbourhoodId: jardin, scope: 'neighbourhood' })
    /** For Saint-Victor: a nearby neighbourhood's "nearby" item, then a town-wide one from afar. */
    await announceFeedItem({ source: 'exchanges', neighbourhoodId: jardin, scope: 'nearby' })
    await announceFeedItem({ source: 'alerts', neighbourhoodId: clignancourt, scope: 'town' })

    const expected = (source: string) => ({
      channel: `neighbourhoods/${victor}/feed`,
      payload: { kind: 'feed.new', source },
    })
    assert.deepEqual(await stream.nextData(), expected('exchanges'))
    assert.deepEqual(await stream.nextData(), expected('alerts'))
    await assert.rejects(() => stream.nextData(500))
  })
})
