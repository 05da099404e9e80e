import { test } from '@japa/runner'
import { ConfigError, preparePlugin } from '@quartier/plugin-sdk'
import {
  loadConformanceScenarios,
  runOfferSourceConformance,
  startPlugin,
} from '@quartier/plugin-sdk/testing'
import plugin from '../index.js'
import { readFeed } from '../src/feed.js'

const [rennes] = loadConformanceScenarios(new URL('..', import.meta.url))

test.group('storage_feed: conformance', () => {
  runOfferSourceConformance(plugin, rennes, { test })
})

async function start(respond?: Parameters<typeof startPlugin>[1]['respond']) {
  return startPlugin(plugin, {
    config: rennes.config,
    recordings: rennes.recordings as string,
    now: rennes.now,
    respond,
  })
}

test.group('storage_feed: the feed format', () => {
  test('maps the feed to storage offers near the neighbourhood, nearest first', async ({
    assert,
  }) => {
    const { capabilities } = await start()
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    assert.deepEqual(
      offers.map((offer) => offer.id),
      ['RN-PARK-0210', 'RN-CAVE-0142', 'RN-BOX-0007']
    )
    const cave = offers[1]
    assert.equal(cave.kind, 'storage')
    assert.equal(cave.attribution, 'Box & Caves Rennes')
    assert.equal(cave.priceText, '45\u00a0€ / mois')
    assert.equal(cave.location.label, 'Rue de Brest, Rennes')
    assert.match(cave.description!, /^6 m² · Cave en sous-sol/)
    assert.equal(cave.expiresAt.toISOString(), '2026-03-09T06:00:00.000Z')
    assert.equal(offers[2].priceText, '79,90\u00a0€ / mois')
    /** The offer's own expiry wins over the feed's validUntil. */
    assert.equal(offers[0].expiresAt.toISOString(), '2026-03-05T18:00:00.000Z')
  })

  test('skips far, not-yet-available, expired and non-https entries, and says so', async ({
    assert,
  }) => {
    const { capabilities, host } = await start()
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    const ids = offers.map((offer) => offer.id)
    for (const id of ['SM-BOX-0003', 'RN-GAR-0031', 'RN-CAVE-0099', 'RN-GRE-0012'])
      assert.notInclude(ids, id)
    const messages = host.logs.map((entry) => JSON.stringify(entry))
    assert.isTrue(
      messages.some((entry) => entry.includes('RN-GRE-0012: url must be an https link'))
    )
    assert.isTrue(
      messages.some((entry) => entry.includes('RN-CAVE-0099') && entry.includes('expiresAt'))
    )
  })

  test('downloads the feed once for several neighbourhoods (cached a few minutes)', async ({
    assert,
  }) => {
    const { capabilities, host } = await start()
    await capabilities.offers!.list(rennes.area, rennes.window)
    await capabilities.offers!.list({ ...rennes.area, radiusMeters: 500 }, rennes.window)
    assert.lengthOf(host.calls, 1)
    host.clock.advance(301_000)
    await capabilities.offers!.list(rennes.area, rennes.window)
    assert.lengthOf(host.calls, 2)
  })

  test('a document in another format or version is refused with a clear error', async ({
    assert,
  }) => {
    assert.throws(
      () => readFeed({ format: 'other' }),
      'storage feed: "format" must be "quartier-storage-feed"'
    )
    assert.throws(
      () => readFeed({ format: 'quartier-storage-feed', version: '2.0' }),
      'storage feed: version "2.0" is not supported (1.x expected)'
    )
    const { capabilities } = await start(() => ({
      status: 200,
      body: JSON.stringify({ format: 'csv' }),
    }))
    await assert.rejects(
      () => capabilities.offers!.list(rennes.area, rennes.window),
      /"format" must be/
    )
  })

  test('health tells whether the feed is readable', async ({ assert }) => {
    const healthy = await start()
    assert.deepEqual(await healthy.capabilities.health!(), {
      ok: true,
      detail: '6 offers, generated 2026-03-02T06:00:00.000Z',
    })
    const failing = await start(() => ({ status: 404, body: 'Not Found' }))
    assert.deepEqual(await failing.capabilities.health!(), {
      ok: false,
      detail: 'storage feed answered HTTP 404',
    })
  })

  test('the config needs an https feed URL', async ({ assert }) => {
    const error = await preparePlugin(plugin, {
      feedUrl: 'http://www.box-et-caves.example/offres.json',
    }).catch((caught) => caught)
    assert.instanceOf(error, ConfigError)
    assert.match(error.message, /^Plugin "storage_feed": invalid config \(config\.feedUrl: /)
  })
})
