import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import RefreshPartnerOffers from '#modules/partners/actions/refresh_partner_offers'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { fakeHttp } from '#tests/helpers/nock'
import { freshStateForEachTest } from '#tests/helpers/state'
import { resident } from '#tests/functional/feed/feed_support'
import {
  CLIGNANCOURT,
  PUBLIC_IP,
  cachedOffers,
  carOffer,
  cardKeys,
  cardText,
  dns,
  loadPlugins,
  parisId,
  postLoan,
  resetHostAfterEach,
  testPlugin,
} from '#tests/functional/partners/support'

const refresh = () => new RefreshPartnerOffers().execute()

/**
 * Partner offers in the local feed, through real HTTP on /feed: cached by
 * the refresh (the job's action) per neighbourhood, shown as "Partner"
 * cards with the partner's attribution, within the viewer's neighbourhood
 * and distance; and partners that throw, hang, flood or answer 50 MB
 * never break the page.
 */
test.group('Partner plugins: offers in the feed', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  resetHostAfterEach(group)

  test('a resident sees the partner’s nearby cars as Partner cards beside the neighbours’ posts', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const loan = await postLoan(camille.agent)
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'autopartage',
          name: 'Autopartage Test',
          kinds: ['car'],
          list: async () => [
            carOffer({ id: 'zoe-1', title: 'Renault Zoé <script>alert(1)</script>' }),
            carOffer({ id: 'far', location: { point: { latitude: 48.89, longitude: 2.34 } } }),
          ],
        }),
      },
    ])
    const report = await refresh()
    assert.include(report, { stored: 1, failed: 0 })
    const [cached] = await cachedOffers()
    assert.include(cached, { plugin_id: 'autopartage', offer_id: 'zoe-1', kind: 'car' })

    const page = await camille.agent.get('/feed')
    assert.equal(page.status, 200)
    const keys = cardKeys(page.text)
    assert.sameMembers(keys, [`partners-${cached.id}`, loan])
    const text = cardText(page.text, `partners-${cached.id}`)
    assert.include(text, 'Autopartage')
    assert.include(text, 'Partenaire')
    assert.include(text, '6 € / h')
    assert.include(text, 'Offre de Autopartage Test')
    assert.include(page.text, `href="/partners/go/${cached.id}"`)
    assert.notInclude(page.text, '<script>alert(1)</script>')
    assert.include(page.text, '&lt;script&gt;alert(1)&lt;/script&gt;')
    /** The car-sharing kind joins the filters (English label on an English page). */
    assert.include(page.text, '<option value="car_sharing"')
    const filtered = await camille.agent.get('/feed?kind=car_sharing')
    assert.deepEqual(cardKeys(filtered.text), [`partners-${cached.id}`])
    const searched = await camille.agent.get('/feed?q=zoé')
    assert.deepEqual(cardKeys(searched.text), [`partners-${cached.id}`])
  })

  test('without any plugin, the feed and its filters are as before', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const loan = await postLoan(camille.agent)
    assert.deepEqual(await refresh(), { neighbourhoods: 0, stored: 0, failed: 0, expired: 0 })
    const page = await camille.agent.get('/feed')
    assert.deepEqual(cardKeys(page.text), [loan])
    assert.notInclude(page.text, 'car_sharing')
  })

  test('offers stay in their neighbourhood’s area: a distant resident sees none, an unverified neighbour does', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const lea = await resident('Léa Dubois', { verified: false })
    const hugo = await resident('Hugo Petit', { at: CLIGNANCOURT })
    const areas: string[] = []
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'autopartage',
          list: async (area) => {
            areas.push(`${area.center.latitude.toFixed(3)},${area.radiusMeters > 0}`)
            return [carOffer({ id: 'zoe-1' })]
          },
        }),
      },
    ])
    const report = await refresh()
    /** Two lived-in neighbourhoods asked; only Saint-Victor's area holds the car. */
    assert.equal(report.neighbourhoods, 2)
    assert.equal(report.stored, 1)
    assert.lengthOf(areas, 2)
    const [cached] = await cachedOffers()
    assert.lengthOf(cardKeys((await camille.agent.get('/feed')).text), 1)
    assert.deepEqual(cardKeys((await lea.agent.get('/feed')).text), [`partners-${cached.id}`])
    assert.deepEqual(cardKeys((await hugo.agent.get('/feed')).text), [])
  })

  test('a partner that throws, hangs, floods or answers 50 MB drops out; the page still renders', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    dns.set('huge.example.org', [PUBLIC_IP])
    nock('https://huge.example.org')
      .get('/offers')
      .reply(200, () => Buffer.alloc(50 * 1024 * 1024, '['))
    const camille = await resident('Camille Martin')
    const loan = await postLoan(camille.agent)
    let hanging = 0
    await loadPlugins([
      { plugin: testPlugin({ id: 'good', kinds: ['car'], list: async () => [carOffer()] }) },
      {
        plugin: testPlugin({
          id: 'thrower',
          list: async () => {
            throw new Error('boom')
          },
        }),
      },
      {
        plugin: testPlugin({
          id: 'hanger',
          list: () => {
            hanging += 1
            return new Promise(() => {})
          },
        }),
      },
      {
        plugin: testPlugin({
          id: 'fifty',
          network: [{ url: 'https://huge.example.org/*', methods: ['GET'] }],
          list: async (_area, _window, ctx) => {
            const response = await ctx.http.fetch('https://huge.example.org/offers')
            return response.json()
          },
        }),
      },
      {
        plugin: testPlugin({
          id: 'flood',
          list: async () => Array.from({ length: 50_000 }, () => carOffer()),
        }),
      },
      {
        plugin: testPlugin({
          id: 'giant',
          list: async () => [carOffer({ description: 'x'.repeat(50 * 1024 * 1024) })],
        }),
      },
    ])

    const report = await refresh()
    assert.equal(hanging, 1)
    /** Four calls failed; the giant offer's call answered, its offer was dropped as invalid. */
    assert.include(report, { stored: 1, failed: 4 })
    const stats = await db.from('partner_plugin_stats').orderBy('plugin_id')
    assert.deepEqual(
      stats.map((row) => [row.plugin_id, row.failures, row.invalid_offers]),
      [
        ['fifty', 1, 0],
        ['flood', 1, 50_000],
        ['giant', 0, 1],
        ['good', 0, 0],
        ['hanger', 1, 0],
        ['thrower', 1, 0],
      ]
    )
    const page = await camille.agent.get('/feed')
    assert.equal(page.status, 200)
    const [cached] = await cachedOffers()
    assert.equal(cached.plugin_id, 'good')
    assert.sameMembers(cardKeys(page.text), [`partners-${cached.id}`, loan])

    /** A later failure keeps what the partner answered before, until it expires. */
    const again = await refresh()
    assert.equal(again.stored, 1)
    await db.from('partner_offers').update({ expires_at: new Date(Date.now() - 1000) })
    assert.deepEqual(cardKeys((await camille.agent.get('/feed')).text), [loan])
  })

  test('the page does not wait for a refresh stuck on a partner that never answers', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const loan = await postLoan(camille.agent)
    await loadPlugins([{ plugin: testPlugin({ id: 'hanger', list: () => new Promise(() => {}) }) }])
    const running = refresh()
    const started = Date.now()
    const page = await camille.agent.get('/feed')
    assert.equal(page.status, 200)
    assert.isBelow(Date.now() - started, 800)
    assert.deepEqual(cardKeys(page.text), [loan])
    assert.include(await running, { failed: 1, stored: 0 })
  })

  test('switched off in the town by an operator: its cards leave the feed and it is no longer asked', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    let calls = 0
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'autopartage',
          list: async () => {
            calls += 1
            return [carOffer()]
          },
        }),
      },
    ])
    await refresh()
    assert.lengthOf(cardKeys((await camille.agent.get('/feed')).text), 1)
    await db.table('partner_town_switches').insert({
      plugin_id: 'autopartage',
      town_id: await parisId(),
      enabled: false,
      updated_at: new Date(),
    })
    assert.deepEqual(cardKeys((await camille.agent.get('/feed')).text), [])
    await refresh()
    assert.equal(calls, 1)
    await db.from('partner_town_switches').update({ enabled: true })
    assert.lengthOf(cardKeys((await camille.agent.get('/feed')).text), 1)
  })

  test('a refresh replaces a partner’s offers, keeping when each was first seen', async ({
    assert,
  }) => {
    await resident('Camille Martin')
    let answer = [carOffer({ id: 'a' }), carOffer({ id: 'b' })]
    await loadPlugins([{ plugin: testPlugin({ id: 'autopartage', list: async () => answer }) }])
    await refresh()
    const before = await cachedOffers()
    answer = [carOffer({ id: 'b', title: 'Zoé déplacée' }), carOffer({ id: 'c' })]
    await refresh()
    const after = await cachedOffers()
    assert.deepEqual(
      after.map((row) => row.offer_id),
      ['b', 'c']
    )
    const b = after.find((row) => row.offer_id === 'b')
    assert.equal(b.id, before.find((row) => row.offer_id === 'b').id)
    assert.equal(b.title, 'Zoé déplacée')
    assert.equal(
      new Date(b.published_at).getTime(),
      new Date(before.find((row) => row.offer_id === 'b').published_at).getTime()
    )
  })
})
