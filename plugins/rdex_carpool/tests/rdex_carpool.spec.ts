import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { NotSupported, preparePlugin } from '@quartier/plugin-sdk'
import {
  loadConformanceScenarios,
  runOfferSourceConformance,
  startPlugin,
  type FakeHostOptions,
} from '@quartier/plugin-sdk/testing'
import plugin from '../index.js'
import { zonedInstant } from '../src/time.js'

const [rennes] = loadConformanceScenarios(new URL('..', import.meta.url))
const PRIVATE_KEY = rennes.env!.RDEX_COVOIT_OUEST_PRIVATE_KEY
const VITRE = readFileSync(new URL('../recordings/journeys_vitre.json', import.meta.url), 'utf8')

test.group('rdex_carpool: conformance', () => {
  runOfferSourceConformance(plugin, rennes, { test })
})

function start(
  options: { respond?: FakeHostOptions<unknown>['respond']; env?: Record<string, string> } = {}
) {
  return startPlugin(plugin, {
    config: rennes.config,
    recordings: rennes.recordings as string,
    now: rennes.now,
    env: options.env ?? rennes.env,
    respond: options.respond,
  })
}

test.group('rdex_carpool: RDEX journeys', () => {
  test('signs each search: HMAC-SHA256 of the full URL with the private key', async ({
    assert,
  }) => {
    const { capabilities, host } = await start()
    await capabilities.offers!.list(rennes.area, rennes.window)
    assert.lengthOf(host.calls, 2)
    for (const call of host.calls) {
      const [unsigned, signature] = call.url.split('&signature=')
      assert.equal(signature, createHmac('sha256', PRIVATE_KEY).update(unsigned).digest('hex'))
      const params = new URL(call.url).searchParams
      assert.equal(params.get('timestamp'), String(Math.floor(rennes.now.getTime() / 1000)))
      assert.equal(params.get('apikey'), 'quartier-rennes')
      assert.equal(params.get('p[driver][state]'), '1')
      assert.equal(params.get('p[from][latitude]'), '48.111300')
      assert.equal(params.get('p[outward][mindate]'), '2026-03-02')
      assert.equal(params.get('p[outward][maxdate]'), '2026-03-05')
      assert.notInclude(call.url, PRIVATE_KEY)
    }
    assert.deepEqual(
      host.calls.map((call) => new URL(call.url).searchParams.get('p[to][longitude]')),
      ['-1.208500', '-2.025700']
    )
  })

  test('maps drivers’ journeys to rides, soonest first', async ({ assert }) => {
    const { capabilities } = await start()
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    assert.deepEqual(
      offers.map((offer) => offer.id),
      ['10945310', '10945388', 'SM-88213', 'SM-88260']
    )
    const [first, regular, saintMalo, perKm] = offers
    assert.equal(first.kind, 'ride')
    assert.equal(first.title, 'Rennes → Vitré')
    assert.equal(
      first.description,
      '3 places · Départ place de la République, je peux déposer à la gare de Vitré.'
    )
    assert.equal(first.priceText, '0,08\u00a0€/km')
    assert.deepEqual(first.destination, {
      point: { latitude: 48.123512, longitude: -1.208871 },
      label: 'Vitré',
    })
    assert.equal(first.attribution, "Covoit'Ouest")
    /** 07:30-08:00 in Paris (UTC+1 in March). */
    assert.equal(first.availability?.from?.toISOString(), '2026-03-02T06:30:00.000Z')
    assert.equal(first.expiresAt.toISOString(), '2026-03-02T07:00:00.000Z')
    assert.equal(regular.description, '2 places · Trajet régulier')
    assert.equal(regular.priceText, '4,50\u00a0€')
    assert.equal(regular.availability?.from?.toISOString(), '2026-03-02T07:00:00.000Z')
    assert.equal(saintMalo.priceText, '12\u00a0€')
    assert.equal(saintMalo.availability?.from?.toISOString(), '2026-03-03T16:30:00.000Z')
    /** Coordinates sent as strings by some platforms. */
    assert.deepEqual(perKm.location, {
      point: { latitude: 48.11194, longitude: -1.69128 },
      label: 'Rennes',
    })
  })

  test('leaves out passengers, past or later journeys and pages that are not https', async ({
    assert,
  }) => {
    const { capabilities } = await start()
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    const ids = offers.map((offer) => offer.id)
    for (const excluded of ['10945402', '10945415', 'SM-88190', 'SM-88250'])
      assert.notInclude(ids, excluded)
  })

  test('a regular journey leaves on its next running day', async ({ assert }) => {
    const tuesday = new Date('2026-03-03T08:00:00Z')
    const { capabilities } = await startPlugin(plugin, {
      config: rennes.config,
      recordings: rennes.recordings as string,
      now: tuesday,
      env: rennes.env,
      respond: (request) => ({
        status: 200,
        body: request.url.includes('-1.208500') ? VITRE : '[]',
      }),
    })
    const offers = await capabilities.offers!.list(rennes.area, {
      from: tuesday,
      until: rennes.window.until,
    })
    const regular = offers.find((offer) => offer.id === '10945388')!
    /** At 09:00 on Tuesday, Tuesday's 08:00 is gone: Wednesday 08:00 (07:00 UTC). */
    assert.equal(regular.availability?.from?.toISOString(), '2026-03-04T07:00:00.000Z')
  })

  test('one destination failing does not hide the others', async ({ assert }) => {
    const { capabilities, host } = await start({
      respond: (request) =>
        request.url.includes('2.025700') ? { status: 502, body: 'Bad Gateway' } : undefined,
    })
    const offers = await capabilities.offers!.list(rennes.area, rennes.window)
    assert.deepEqual(
      offers.map((offer) => offer.id),
      ['10945310', '10945388']
    )
    assert.match(JSON.stringify(host.logs), /RDEX journeys to Saint-Malo answered HTTP 502/)
  })

  test('missing keys: a clear error, and health says which', async ({ assert }) => {
    const { capabilities, host } = await start({ env: {} })
    await assert.rejects(
      () => capabilities.offers!.list(rennes.area, rennes.window),
      'RDEX: the secret(s) RDEX_COVOIT_OUEST_PUBLIC_KEY, RDEX_COVOIT_OUEST_PRIVATE_KEY are not set'
    )
    assert.lengthOf(host.calls, 0)
    assert.deepEqual(await capabilities.health!(), {
      ok: false,
      detail: 'secret(s) not set: RDEX_COVOIT_OUEST_PUBLIC_KEY, RDEX_COVOIT_OUEST_PRIVATE_KEY',
    })
    const configured = await start()
    const health = await configured.capabilities.health!()
    assert.isTrue(health.ok)
  })

  test('booking.link answers the journey page, NotSupported for anything else', async ({
    assert,
  }) => {
    const { capabilities } = await start()
    const [offer] = await capabilities.offers!.list(rennes.area, rennes.window)
    assert.equal(
      await capabilities.booking!.link(offer),
      'https://www.covoit-ouest.example/covoiturage/trajet/10945310'
    )
    await assert.rejects(() => capabilities.booking!.link({ ...offer, kind: 'car' }), NotSupported)
  })

  test('the config refuses an http endpoint, a query string, keys instead of names and bad zones', async ({
    assert,
  }) => {
    const refused = async (change: object) => {
      const error = await preparePlugin(plugin, { ...(rennes.config as object), ...change }).catch(
        (caught) => caught
      )
      return error.fields?.map((entry: { field: string }) => entry.field)
    }
    assert.deepEqual(
      await refused({ journeysUrl: 'http://rdex.covoit-ouest.example/api/journeys' }),
      ['journeysUrl']
    )
    assert.deepEqual(await refused({ journeysUrl: 'https://rdex.covoit-ouest.example/api?x=1' }), [
      'journeysUrl',
    ])
    assert.deepEqual(await refused({ privateKeyEnv: 'sk_live_4242' }), ['privateKeyEnv'])
    assert.deepEqual(await refused({ timeZone: 'Mars/Olympus' }), ['timeZone'])
    assert.deepEqual(await refused({ destinations: [] }), ['destinations'])
  })

  test('local times become instants across daylight saving time', ({ assert }) => {
    assert.equal(
      zonedInstant('2026-03-28', '08:00:00', 'Europe/Paris')!.toISOString(),
      '2026-03-28T07:00:00.000Z'
    )
    assert.equal(
      zonedInstant('2026-03-30', '08:00', 'Europe/Paris')!.toISOString(),
      '2026-03-30T06:00:00.000Z'
    )
    assert.isUndefined(zonedInstant('2026-03-30', '25:00', 'Europe/Paris'))
  })
})
