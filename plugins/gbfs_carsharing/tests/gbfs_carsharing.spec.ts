import { test } from '@japa/runner'
import { preparePlugin } from '@quartier/plugin-sdk'
import {
  loadConformanceScenarios,
  runOfferSourceConformance,
  startPlugin,
  type ConformanceScenario,
  type FakeHostOptions,
} from '@quartier/plugin-sdk/testing'
import plugin from '../index.js'

const [rennes, paris] = loadConformanceScenarios(new URL('..', import.meta.url))

test.group('gbfs_carsharing: conformance', () => {
  runOfferSourceConformance(plugin, rennes, { test })
  runOfferSourceConformance(plugin, paris, { test })
})

function start(
  scenario: ConformanceScenario,
  respond?: FakeHostOptions<unknown>['respond'],
  config = {},
  now = scenario.now
) {
  return startPlugin(plugin, {
    config: { ...(scenario.config as object), ...config },
    recordings: scenario.recordings as string,
    now,
    respond,
  })
}

test.group('gbfs_carsharing: GBFS 3.0 and 2.3', () => {
  test('GBFS 3.0: cars at stations and free-floating cars near the neighbourhood', async ({
    assert,
  }) => {
    const { capabilities, host } = await start(rennes)
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    assert.sameMembers(
      offers.map((offer) => offer.id),
      [
        'station:republique:clio-hybride',
        'station:sainte-anne:zoe',
        'station:gare-sud:zoe',
        'station:gare-sud:kangoo',
        'vehicle:7c1e9a52-4f0b-4d8e-9b3a-0d6f2a1c8e11',
        'vehicle:3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f',
      ]
    )
    const gareSud = offers.find((offer) => offer.id === 'station:gare-sud:zoe')!
    assert.equal(gareSud.kind, 'car')
    assert.equal(gareSud.title, 'Renault Zoé · Gare de Rennes – Sud')
    assert.equal(gareSud.description, '2 voitures disponibles à cette station')
    assert.equal(
      gareSud.priceText,
      "4,50 € de l'heure + 0,30 € du km, carburant ou recharge compris"
    )
    assert.equal(gareSud.deepLink, 'https://www.autopartage-rennes.example/stations/gare-sud')
    assert.equal(gareSud.imageUrl, 'https://www.autopartage-rennes.example/img/vehicules/zoe.jpg')
    assert.equal(gareSud.attribution, 'Autopartage Rennes Métropole')
    assert.equal(gareSud.expiresAt.toISOString(), '2026-03-02T08:10:00.000Z')
    /** No rental_uris at this station: the operator's site. */
    const sainteAnne = offers.find((offer) => offer.id === 'station:sainte-anne:zoe')!
    assert.equal(sainteAnne.deepLink, 'https://www.autopartage-rennes.example/')
    const floating = offers.find((offer) => offer.id.startsWith('vehicle:7c1e'))!
    assert.equal(floating.title, 'Renault Zoé · en libre-service')
    assert.equal(floating.description, 'Autonomie : 182 km')
    assert.include(floating.deepLink, 'reserver?vehicle=7c1e9a52')
    /** The nearest first. */
    assert.equal(offers[0].id, 'station:republique:clio-hybride')
    const files = host.calls.map((call) => call.url.split('/').pop())
    assert.equal(files[0], 'gbfs.json')
    assert.sameMembers(files.slice(1), [
      'system_information.json',
      'vehicle_types.json',
      'station_information.json',
      'station_status.json',
      'vehicle_status.json',
      'system_pricing_plans.json',
    ])
  })

  test('leaves out bicycles, mopeds, reserved, disabled, far cars and stations not renting', async ({
    assert,
  }) => {
    const { capabilities } = await start(rennes)
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    const ids = offers.map((offer) => offer.id)
    for (const excluded of [
      'station:gare-sud:velo-assist',
      'station:colombier:zoe',
      'station:cesson-mairie:zoe',
      'station:republique:zoe',
      'vehicle:0b5d3c77-2a9e-4c61-8f40-5e2b7d9a6c33',
      'vehicle:e2a4f6b8-1c3d-4e5f-a7b9-c1d3e5f7a9b2',
      'vehicle:5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f',
      'vehicle:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      'vehicle:9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
    ]) {
      assert.notInclude(ids, excluded)
    }
  })

  test('a free-floating car to return by a given time expires then', async ({ assert }) => {
    const late = new Date('2026-03-02T16:55:00Z')
    const { capabilities } = await start(rennes, undefined, {}, late)
    const offers = await capabilities.offers!.list(rennes.area, {
      from: late,
      until: rennes.window.until,
    })
    const clio = offers.find(
      (offer) => offer.id === 'vehicle:3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f'
    )!
    assert.equal(clio.availability?.until?.toISOString(), '2026-03-02T17:00:00.000Z')
    assert.equal(clio.expiresAt.toISOString(), '2026-03-02T17:00:00.000Z')
    /** Others expire with the offer TTL (10 minutes by default). */
    assert.equal(offers[0].expiresAt.toISOString(), '2026-03-02T17:05:00.000Z')
  })

  test('GBFS 2.3: feeds by language, plain-string names, free_bike_status', async ({ assert }) => {
    const { capabilities, host } = await start(paris)
    const offers = await capabilities.offers!.list(paris.area, paris.window)
    assert.sameMembers(
      offers.map((offer) => offer.id),
      [
        'vehicle:d9f1c2a4b6e8',
        'vehicle:a0b9c8d7e6f5',
        'station:oberkampf:e208',
        'station:voltaire:e208',
        'station:bastille:e208',
      ]
    )
    const oberkampf = offers.find((offer) => offer.id === 'station:oberkampf:e208')!
    assert.equal(oberkampf.title, 'Peugeot e-208 · Oberkampf – Parmentier')
    assert.equal(oberkampf.attribution, 'Voitures Partagées Paris')
    assert.isTrue(host.calls.slice(1).every((call) => call.url.includes('/fr/')))
  })

  test('English texts when configured, with English feeds for 2.x', async ({ assert }) => {
    const { capabilities, host } = await start(paris, undefined, { language: 'en' })
    await capabilities.offers!.list(paris.area, paris.window).catch(() => undefined)
    /** The /en/ files are not recorded: the plugin asked for them. */
    assert.isTrue(host.refused().every((call) => call.url.includes('/en/')))
    const { capabilities: v3 } = await start(rennes, undefined, { language: 'en' })
    const offers = await v3.offers!.list(rennes.area, rennes.window)
    assert.equal(
      offers.find((offer) => offer.id === 'station:gare-sud:zoe')!.description,
      '2 cars available at this station'
    )
  })

  test('a GBFS 1.x or bicycle-only feed gives no car and no error', async ({ assert }) => {
    const v1 = JSON.stringify({
      last_updated: 1772438370,
      ttl: 0,
      data: {
        fr: {
          feeds: [
            {
              name: 'station_information',
              url: 'https://gbfs.autopartage-rennes.example/v3/x.json',
            },
          ],
        },
      },
    })
    const { capabilities } = await start(rennes, (request) =>
      request.url.endsWith('/gbfs.json') ? { status: 200, body: v1 } : undefined
    )
    assert.deepEqual(await capabilities.offers!.list(rennes.area, rennes.window), [])
  })

  test('feed files elsewhere than the allowed prefixes are refused by the network rules', async ({
    assert,
  }) => {
    const moved = JSON.stringify({
      last_updated: '2026-03-02T08:59:40+01:00',
      ttl: 0,
      version: '3.0',
      data: {
        feeds: [
          { name: 'system_information', url: 'https://169.254.169.254/latest/meta-data/' },
          { name: 'vehicle_types', url: 'https://cdn.elsewhere.example/vehicle_types.json' },
        ],
      },
    })
    const { capabilities, host } = await start(rennes, (request) =>
      request.url.endsWith('/gbfs.json') ? { status: 200, body: moved } : undefined
    )
    await assert.rejects(
      () => capabilities.offers!.list(rennes.area, rennes.window),
      /not allowed by the manifest/
    )
    assert.isTrue(host.refused().every((call) => call.outcome === 'not-allowed'))

    const prepared = await preparePlugin(plugin, rennes.config)
    assert.deepEqual(prepared.manifest.network, [
      { url: 'https://gbfs.autopartage-rennes.example/*', methods: ['GET'] },
    ])
    const cdn = await preparePlugin(plugin, {
      ...(rennes.config as object),
      allowedUrlPrefixes: [
        'https://gbfs.autopartage-rennes.example/v3/',
        'https://cdn.elsewhere.example/gbfs/',
      ],
    })
    assert.lengthOf(cdn.manifest.network, 2)
  })

  test('health reports the GBFS version', async ({ assert }) => {
    const { capabilities } = await start(rennes)
    assert.deepEqual(await capabilities.health!(), {
      ok: true,
      detail: 'GBFS 3.0, 7 feeds',
    })
    const down = await start(rennes, () => ({ status: 503, body: '' }))
    assert.deepEqual(await down.capabilities.health!(), {
      ok: false,
      detail: 'GBFS gbfs answered HTTP 503',
    })
  })
})
