import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import RefreshPartnerOffers from '#modules/partners/actions/refresh_partner_offers'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { resident } from '#tests/functional/feed/feed_support'
import {
  CLIGNANCOURT,
  cachedOffers,
  carOffer,
  loadPlugins,
  parisId,
  resetHostAfterEach,
  testPlugin,
} from '#tests/functional/partners/support'

const go = (id: number | string) => `/partners/go/${id}`

async function clicks() {
  return db.from('partner_clicks').orderBy('id')
}

/** One partner with one car near Saint-Victor, cached; `link` is its booking.link. */
async function oneOffer(link?: (offer: { id: string; deepLink: string }) => Promise<string>) {
  await loadPlugins([
    {
      plugin: testPlugin({
        id: 'autopartage',
        list: async () => [carOffer({ id: 'zoe-1', deepLink: 'https://cars.example.org/zoe-1' })],
        link,
      }),
    },
  ])
  await new RefreshPartnerOffers().execute()
  const [row] = await cachedOffers()
  return Number(row.id)
}

/**
 * The partner card's link: /partners/go/:offerRef records the click and
 * sends the resident on (302) to the plugin's booking link when it gives
 * an https one in time, else to the offer's own link; 404 for offers the
 * resident's feed would not show.
 */
test.group('Partner plugins: following an offer', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  resetHostAfterEach(group)

  test('the click is recorded and the resident goes to the booking link', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const asked: string[] = []
    const id = await oneOffer(async (offer) => {
      asked.push(offer.id)
      return `https://cars.example.org/book?car=${offer.id}&ref=quartier`
    })
    const response = await camille.agent.get(go(id))
    assert.equal(response.status, 302)
    assert.equal(response.location, 'https://cars.example.org/book?car=zoe-1&ref=quartier')
    assert.deepEqual(asked, ['zoe-1'])
    const [click] = await clicks()
    assert.include(click, {
      plugin_id: 'autopartage',
      offer_id: 'zoe-1',
      user_id: camille.id,
      link_source: 'booking',
    })
    assert.isNotNull(click.clicked_at)
  })

  test('a booking link that is not https (or a script) is refused: the offer’s own link instead', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    let answer = 'http://cars.example.org/book/zoe-1'
    const id = await oneOffer(async () => answer)
    let response = await camille.agent.get(go(id))
    assert.equal(response.status, 302)
    assert.equal(response.location, 'https://cars.example.org/zoe-1')
    answer = 'javascript:alert(document.cookie)'
    response = await camille.agent.get(go(id))
    assert.equal(response.location, 'https://cars.example.org/zoe-1')
    answer = '//evil.example.net/phish'
    response = await camille.agent.get(go(id))
    assert.equal(response.location, 'https://cars.example.org/zoe-1')
    assert.deepEqual(
      (await clicks()).map((click) => click.link_source),
      ['offer', 'offer', 'offer']
    )
    /** Each refused answer counts against the plugin. */
    const { partnerHost } = await import('#modules/partners/services/host')
    await partnerHost.stats.flush()
    const stats = (await partnerHost.stats.read()).get('autopartage')!
    assert.equal(stats.failures, 3)
    assert.match(stats.lastError!, /booking\.link: PluginOutputError/)
  })

  test('a booking link that hangs or throws falls back in time; a plugin without one uses the offer’s link', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    let id = await oneOffer(() => new Promise(() => {}))
    const started = Date.now()
    let response = await camille.agent.get(go(id))
    assert.equal(response.location, 'https://cars.example.org/zoe-1')
    assert.isBelow(Date.now() - started, 2000)

    id = await oneOffer(async () => {
      throw new Error('booking API down')
    })
    response = await camille.agent.get(go(id))
    assert.equal(response.location, 'https://cars.example.org/zoe-1')

    id = await oneOffer()
    response = await camille.agent.get(go(id))
    assert.equal(response.status, 302)
    assert.equal(response.location, 'https://cars.example.org/zoe-1')
    assert.lengthOf(await clicks(), 3)
  })

  test('404 for an offer the resident may not see: elsewhere, expired, switched off, unknown', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const hugo = await resident('Hugo Petit', { at: CLIGNANCOURT })
    const nomad = await resident('Noé Nomade', { at: null })
    const id = await oneOffer(async () => 'https://cars.example.org/book')

    assert.equal((await hugo.agent.get(go(id))).status, 404)
    assert.equal((await nomad.agent.get(go(id))).status, 404)
    assert.equal((await camille.agent.get(go(id + 1000))).status, 404)
    assert.equal((await camille.agent.get(go('abc'))).status, 404)
    assert.equal((await camille.agent.get(go('99999999999999999999'))).status, 404)

    await db.table('partner_town_switches').insert({
      plugin_id: 'autopartage',
      town_id: await parisId(),
      enabled: false,
      updated_at: new Date(),
    })
    assert.equal((await camille.agent.get(go(id))).status, 404)
    await db.from('partner_town_switches').delete()
    assert.equal((await camille.agent.get(go(id))).status, 302)

    await db.from('partner_offers').update({ expires_at: new Date(Date.now() - 1000) })
    assert.equal((await camille.agent.get(go(id))).status, 404)

    /** Only the one allowed visit was recorded. */
    assert.lengthOf(await clicks(), 1)

    /** A plugin no longer loaded: its cached offers lead nowhere. */
    await db.from('partner_offers').update({ expires_at: new Date(Date.now() + 60_000) })
    await loadPlugins([])
    assert.equal((await camille.agent.get(go(id))).status, 404)
  })

  test('a visitor is sent to the login page', async ({ assert }) => {
    const response = await new Agent().get(go(1))
    assert.equal(response.status, 302)
    assert.include(response.location, '/login')
  })
})
