import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { feedViewerFor } from '#modules/feed/index'
import { exchangesFeedSource } from '#modules/exchanges/services/feed_source'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { FeedFilters, FeedCursor } from '#modules/feed/index'
import {
  CLIGNANCOURT,
  JARDIN_DES_PLANTES,
  LYON,
  loadLyon,
  loanFields,
  neighbour,
  post,
  rideFields,
} from '#tests/functional/exchanges/support'

/** What the exchanges source gives a resident, as ids, newest first. */
async function feedIds(
  userId: number,
  filters: FeedFilters = {},
  options: { before?: FeedCursor | null; limit?: number; locale?: string } = {}
) {
  const items = await exchangesFeedSource.items({
    viewer: await feedViewerFor(userId, options.locale ?? 'fr'),
    filters,
    before: options.before ?? null,
    limit: options.limit ?? 50,
  })
  return items.map((item) => item.id)
}

test.group('Exchanges: who sees what', (group) => {
  group.setup(async () => {
    await loadParis()
    await loadLyon()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('each scope, for viewers in the same, a nearby, a distant neighbourhood and another town', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const posted = {
      neighbourhood: await post(camille.agent, loanFields({ title: 'Quartier seul' })),
      nearby: await post(
        camille.agent,
        loanFields({ title: 'Quartiers voisins', scope: 'nearby' })
      ),
      town: await post(camille.agent, loanFields({ title: 'Toute la ville', scope: 'town' })),
      ride: await post(camille.agent, rideFields()),
    }
    const viewers = {
      author: camille,
      same: await neighbour('Léa Dubois'),
      sameUnverified: await neighbour('Hugo Petit', { verified: false }),
      nearby: await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES }),
      nearbyUnverified: await neighbour('Omar Said', { at: JARDIN_DES_PLANTES, verified: false }),
      distant: await neighbour('Karim Benali', { at: CLIGNANCOURT }),
      otherTown: await neighbour('Paul Girard', { at: LYON }),
    }
    /** The quartiers are what the test says they are. */
    const names = await db
      .from('neighbourhoods')
      .whereIn('id', [viewers.nearby.neighbourhoodId!, viewers.distant.neighbourhoodId!])
      .select('name')
    assert.sameMembers(
      names.map((row) => row.name),
      ['Jardin-des-Plantes', 'Clignancourt']
    )
    assert.notEqual(viewers.otherTown.townId, camille.townId)

    const expected: Record<keyof typeof viewers, (keyof typeof posted)[]> = {
      author: ['neighbourhood', 'nearby', 'town', 'ride'],
      same: ['neighbourhood', 'nearby', 'town', 'ride'],
      sameUnverified: ['neighbourhood', 'nearby', 'town', 'ride'],
      nearby: ['nearby', 'town', 'ride'],
      nearbyUnverified: [],
      distant: ['town', 'ride'],
      otherTown: [],
    }
    for (const [who, viewer] of Object.entries(viewers) as [
      keyof typeof viewers,
      (typeof viewers)[keyof typeof viewers],
    ][]) {
      for (const [scope, id] of Object.entries(posted) as [keyof typeof posted, number][]) {
        const visible = expected[who].includes(scope)
        const page = await viewer.agent.get(`/exchanges/${id}`)
        assert.equal(page.status, visible ? 200 : 404, `${who} opens the ${scope} item`)
        if (!visible) assert.notInclude(page.text, 'Camille')
      }
      assert.sameMembers(
        await feedIds(viewer.id),
        expected[who].map((scope) => posted[scope]),
        `${who}'s feed`
      )
    }

    /** Newest first. */
    assert.deepEqual(await feedIds(viewers.same.id), [
      posted.ride,
      posted.town,
      posted.nearby,
      posted.neighbourhood,
    ])

    /** A resident without a home sees nothing either. */
    const { createResident } = await import('#tests/helpers/residents')
    const homeless = await createResident()
    assert.deepEqual(await feedIds(Number(homeless.id)), [])
  })

  test('items of other neighbourhoods reach a viewer by their scope only', async ({ assert }) => {
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    const nina = await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES })
    const fromClignancourt = await post(karim.agent, loanFields({ scope: 'nearby' }))
    const fromJardin = await post(nina.agent, loanFields({ scope: 'nearby' }))
    const fromJardinTown = await post(nina.agent, loanFields({ scope: 'town' }))
    const fromJardinOwn = await post(nina.agent, loanFields())
    const camille = await neighbour('Camille Martin')
    assert.sameMembers(await feedIds(camille.id), [fromJardin, fromJardinTown])
    assert.equal((await camille.agent.get(`/exchanges/${fromClignancourt}`)).status, 404)
    assert.equal((await camille.agent.get(`/exchanges/${fromJardinOwn}`)).status, 404)
    assert.equal((await camille.agent.get(`/exchanges/${fromJardin}`)).status, 200)
  })

  test('only open exchanges are in the feed; their pages stay for who may see them', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const open = await post(camille.agent, loanFields({ title: 'Ouverte' }))
    const cancelled = await post(camille.agent, loanFields({ title: 'Retirée' }))
    await camille.agent.submit(
      `/exchanges/${cancelled}/cancel`,
      {},
      { from: `/exchanges/${cancelled}` }
    )
    const lea = await neighbour('Léa Dubois')
    assert.deepEqual(await feedIds(lea.id), [open])
    const page = await lea.agent.get(`/exchanges/${cancelled}`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Cette annonce a été retirée par son auteur.')
  })

  test('filters: kind, category, full text in French and English (accents ignored)', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const drill = await post(camille.agent, loanFields())
    const bike = await post(
      camille.agent,
      loanFields({
        kind: 'gift',
        title: 'Vélo électrique pour enfant',
        description: 'Un petit vélo électrique, idéal pour apprendre.',
        category: 'children',
      })
    )
    const chairs = await post(
      camille.agent,
      loanFields({
        kind: 'barter',
        title: 'Café chairs to swap',
        description: 'Two wooden café chairs, swapping for a small table.',
        category: 'other',
      })
    )
    const ride = await post(camille.agent, rideFields())
    const lea = await neighbour('Léa Dubois')

    assert.deepEqual(await feedIds(lea.id, { kind: 'loan' }), [drill])
    assert.deepEqual(await feedIds(lea.id, { kind: 'ride' }), [ride])
    assert.deepEqual(await feedIds(lea.id, { category: 'children' }), [bike])
    assert.deepEqual(await feedIds(lea.id, { kind: 'gift', category: 'tools' }), [])
    /** Not ours: nothing, rather than everything. */
    assert.deepEqual(await feedIds(lea.id, { kind: 'group_buy' }), [])
    assert.deepEqual(await feedIds(lea.id, { category: 'weapons' }), [])

    assert.deepEqual(await feedIds(lea.id, { q: 'velo electrique' }), [bike])
    assert.deepEqual(await feedIds(lea.id, { q: 'perceuses' }), [drill])
    assert.deepEqual(await feedIds(lea.id, { q: 'chair' }), [chairs])
    assert.deepEqual(await feedIds(lea.id, { q: 'cafe' }), [chairs])
    assert.deepEqual(await feedIds(lea.id, { q: 'vélo -enfant' }), [])
    assert.deepEqual(await feedIds(lea.id, { q: '"vélo électrique" OR perceuse' }), [bike, drill])
    assert.deepEqual(await feedIds(lea.id, { q: 'tondeuse' }), [])
    assert.deepEqual(await feedIds(lea.id, { q: '   ' }), [ride, chairs, bike, drill])
    /** Odd input is just text to search. */
    assert.deepEqual(await feedIds(lea.id, { q: "'); DROP TABLE exchanges; --" }), [])
    assert.deepEqual(await feedIds(lea.id, { q: 'vélo', kind: 'loan' }), [])
  })

  test('items are public-safe cards: names, street, badges, links', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields({ price: '12,50' }))
    const ride = await post(camille.agent, rideFields())
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { verified: false })
    const home = await db.from('residents').where('user_id', camille.id).firstOrFail()

    const viewer = await feedViewerFor(lea.id, 'fr')
    const [rideItem, item] = await exchangesFeedSource.items({
      viewer,
      filters: {},
      before: null,
      limit: 10,
    })
    assert.equal(item.source, 'exchanges')
    assert.equal(item.id, id)
    assert.equal(item.kind, 'loan')
    assert.equal(item.category, 'tools')
    assert.equal(item.url, `/exchanges/${id}`)
    assert.deepEqual(item.author, { name: 'Camille M.', street: home.street_name })
    assert.equal(item.neighbourhoodName, 'Saint-Victor')
    assert.equal(item.neighbourhoodId, camille.neighbourhoodId)
    assert.deepInclude(item.badges, { key: 'exchanges.directions.offer' })
    assert.deepInclude(item.badges, {
      key: 'exchanges.price.amount',
      values: { amount: '12,50\u00a0€' },
    })
    assert.notInclude(JSON.stringify(item), home.address_label)
    assert.equal(rideItem.id, ride)
    assert.equal(rideItem.summary, 'Place Monge → Gare Montparnasse')
    assert.deepInclude(rideItem.badges, { key: 'exchanges.price.free' })
    assert.deepInclude(rideItem.badges, {
      key: 'exchanges.badges.seats_left',
      values: { count: 3 },
    })

    const [, forHugo] = await exchangesFeedSource.items({
      viewer: await feedViewerFor(hugo.id, 'en'),
      filters: {},
      before: null,
      limit: 10,
    })
    assert.deepEqual(forHugo.author, { name: 'Camille', street: home.street_name })
    assert.deepInclude(forHugo.badges, {
      key: 'exchanges.price.amount',
      values: { amount: '€12.50' },
    })
  })

  test('keyset pages: strictly before the cursor, ties broken by id, never an item twice', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const ids: number[] = []
    for (let index = 0; index < 7; index++) {
      ids.push(await post(camille.agent, loanFields({ title: `Objet numéro ${index}` })))
    }
    /** Three share the same millisecond: the id decides. */
    const shared = new Date('2026-11-20T10:00:00.123Z')
    await db.from('exchanges').whereIn('id', ids.slice(2, 5)).update({ published_at: shared })
    const lea = await neighbour('Léa Dubois')
    const all = await feedIds(lea.id)
    assert.deepEqual(all, [ids[6], ids[5], ids[1], ids[0], ids[4], ids[3], ids[2]])

    const seen: number[] = []
    let before: FeedCursor | null = null
    while (true) {
      const items = await exchangesFeedSource.items({
        viewer: await feedViewerFor(lea.id, 'fr'),
        filters: {},
        before,
        limit: 2,
      })
      if (items.length === 0) break
      seen.push(...items.map((item) => item.id))
      const last = items.at(-1)!
      before = { publishedAt: last.publishedAt, source: last.source, id: last.id }
    }
    assert.deepEqual(seen, all)
    assert.lengthOf(new Set(seen), 7)

    /**
     * The shared millisecond, from the cursor of another source: one
     * sorting before ours ('alerts') has not reached our items of that
     * millisecond yet; one sorting after ('group_buys') has passed them.
     */
    const fromAlerts = { publishedAt: shared, source: 'alerts', id: 1 }
    const fromGroupBuys = { publishedAt: shared, source: 'group_buys', id: 1 }
    assert.deepEqual(await feedIds(lea.id, {}, { before: fromAlerts }), [ids[4], ids[3], ids[2]])
    assert.deepEqual(await feedIds(lea.id, {}, { before: fromGroupBuys }), [])
    const withinShared = await feedIds(
      lea.id,
      {},
      {
        before: { publishedAt: shared, source: 'exchanges', id: ids[3] },
      }
    )
    assert.deepEqual(withinShared, [ids[2]])
  })
})
