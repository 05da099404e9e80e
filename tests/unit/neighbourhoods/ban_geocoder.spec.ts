import { test } from '@japa/runner'
import nock from 'nock'
import { setTimeout as sleep } from 'node:timers/promises'
import { BanGeocoder } from '#modules/neighbourhoods/geocoding/ban_geocoder'
import { GeocoderUnavailable } from '#modules/neighbourhoods/geocoding/geocoder'

// nock patches http and fetch as soon as it is imported, i.e. for every spec
// file of the run, this one being imported with the others before any test
// runs: switch it off here and on only while the group below runs.
nock.restore()

const BAN = 'https://api-adresse.data.gouv.fr'
const QUERY = '12 rue des Martyrs Paris'

/**
 * The shape of a BAN answer to GET /search/?q=12 rue des Martyrs Paris
 * (property names and types as the API sends them; ids, coordinates and
 * scores are rounded/illustrative). BAN sends the best score first.
 */
function banAnswer(features: unknown[] = [housenumber(), street(), municipality()]) {
  return {
    type: 'FeatureCollection',
    version: 'draft',
    features,
    attribution: 'BAN',
    licence: 'ETALAB-2.0',
    query: QUERY,
    limit: 5,
  }
}

function housenumber() {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2.339712, 48.878705] },
    properties: {
      label: '12 Rue des Martyrs 75009 Paris',
      score: 0.9625,
      housenumber: '12',
      id: '75109_6035_00012',
      name: '12 Rue des Martyrs',
      postcode: '75009',
      citycode: '75109',
      x: 651552.33,
      y: 6864499.04,
      city: 'Paris',
      district: 'Paris 9e Arrondissement',
      context: '75, Paris, Île-de-France',
      type: 'housenumber',
      importance: 0.6541,
      street: 'Rue des Martyrs',
    },
  }
}

function street() {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2.339437, 48.882869] },
    properties: {
      label: 'Rue des Martyrs 75018 Paris',
      score: 0.7134,
      id: '75118_6035',
      name: 'Rue des Martyrs',
      postcode: '75018',
      citycode: '75118',
      x: 651534.6,
      y: 6864962.1,
      city: 'Paris',
      district: 'Paris 18e Arrondissement',
      context: '75, Paris, Île-de-France',
      type: 'street',
      importance: 0.6008,
    },
  }
}

function municipality() {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2.347, 48.859] },
    properties: {
      label: 'Paris',
      score: 0.2941,
      id: '75056',
      type: 'municipality',
      name: 'Paris',
      postcode: '75001',
      citycode: '75056',
      x: 652089.7,
      y: 6862305.26,
      population: 2133111,
      city: 'Paris',
      context: '75, Paris, Île-de-France',
      importance: 0.67198,
      municipality: 'Paris',
    },
  }
}

function locality() {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [6.717797, 45.872554] },
    properties: {
      label: 'Le Fayet 74170 Saint-Gervais-les-Bains',
      score: 0.5,
      id: '74236_b123',
      name: 'Le Fayet',
      postcode: '74170',
      citycode: '74236',
      city: 'Saint-Gervais-les-Bains',
      context: '74, Haute-Savoie, Auvergne-Rhône-Alpes',
      type: 'locality',
      importance: 0.41,
    },
  }
}

/** Small enough to keep the timeout test quick. */
const TIMEOUT_MS = 100

function geocoder(baseUrl = BAN) {
  return new BanGeocoder(baseUrl, TIMEOUT_MS)
}

/** assert.rejects compares whole messages. */
function unavailable(reason: string) {
  return new GeocoderUnavailable(reason).message
}

test.group('BanGeocoder', (group) => {
  group.setup(() => {
    if (!nock.isActive()) nock.activate()
    return () => nock.restore()
  })

  group.each.setup(() => {
    // Anything not faked below must fail rather than reach the real BAN;
    // the suites' own HTTP server (127.0.0.1) stays reachable.
    nock.disableNetConnect()
    nock.enableNetConnect('127.0.0.1')
    return () => {
      nock.abortPendingRequests()
      nock.cleanAll()
      nock.enableNetConnect()
    }
  })

  test('maps BAN features to addresses, best score first', async ({ assert }) => {
    const scrambled = banAnswer([municipality(), housenumber(), street()])
    nock(BAN).get('/search/').query(true).reply(200, scrambled)

    const addresses = await geocoder().search(QUERY)

    assert.deepEqual(addresses, [
      {
        label: '12 Rue des Martyrs 75009 Paris',
        street: 'Rue des Martyrs',
        citycode: '75109',
        longitude: 2.339712,
        latitude: 48.878705,
        score: 0.9625,
      },
      {
        label: 'Rue des Martyrs 75018 Paris',
        street: 'Rue des Martyrs',
        citycode: '75118',
        longitude: 2.339437,
        latitude: 48.882869,
        score: 0.7134,
      },
      {
        label: 'Paris',
        street: null,
        citycode: '75056',
        longitude: 2.347,
        latitude: 48.859,
        score: 0.2941,
      },
    ])
  })

  test('sends q and limit as query parameters, with accept and user-agent', async ({ assert }) => {
    let received: Request | undefined
    const scope = nock(BAN)
      .get('/search/')
      .query(true)
      .reply((request: Request) => {
        received = request
        return [200, banAnswer()]
      })

    await geocoder().search(`  ${QUERY} `, { limit: 2 })

    assert.isTrue(scope.isDone())
    const url = new URL(received!.url)
    assert.equal(url.pathname, '/search/')
    assert.equal(url.searchParams.get('q'), QUERY)
    assert.equal(url.searchParams.get('limit'), '2')
    assert.equal(received!.headers.get('accept'), 'application/json')
    assert.match(received!.headers.get('user-agent') ?? '', /^Quartier \(\+https:\/\//)
  })

  test('limit {asked} is sent as {sent}, at most {returned} results kept')
    .with([
      { asked: 'unset', limit: undefined, sent: '5', returned: 3 },
      { asked: '2', limit: 2, sent: '2', returned: 2 },
      { asked: '50', limit: 50, sent: '10', returned: 3 },
      { asked: '0', limit: 0, sent: '1', returned: 1 },
    ])
    .run(async ({ assert }, { limit, sent, returned }) => {
      // BAN returns the fixture whatever the limit: the adapter enforces it too.
      nock(BAN).get('/search/').query({ q: QUERY, limit: sent }).reply(200, banAnswer())

      const addresses = await geocoder().search(QUERY, { limit })

      assert.lengthOf(addresses, returned)
      assert.isTrue(nock.isDone())
    })

  test('base URL {$self} resolves to its /search/ endpoint')
    .with(['https://ban.example', 'https://ban.example/', 'https://proxy.example/ban/'])
    .run(async ({ assert }, baseUrl) => {
      const endpoint = new URL(baseUrl)
      const path = `${endpoint.pathname.replace(/\/$/, '')}/search/`
      nock(endpoint.origin).get(path).query(true).reply(200, banAnswer())

      assert.lengthOf(await geocoder(baseUrl).search(QUERY), 3)
      assert.isTrue(nock.isDone())
    })

  test('street: the street of a housenumber, the name of a street, none for a place', async ({
    assert,
  }) => {
    nock(BAN)
      .get('/search/')
      .query(true)
      .reply(200, banAnswer([housenumber(), street(), locality(), municipality()]))

    const addresses = await geocoder().search(QUERY)

    assert.deepEqual(
      addresses.map(({ label, street: name }) => [label, name]),
      [
        ['12 Rue des Martyrs 75009 Paris', 'Rue des Martyrs'],
        ['Rue des Martyrs 75018 Paris', 'Rue des Martyrs'],
        ['Le Fayet 74170 Saint-Gervais-les-Bains', null],
        ['Paris', null],
      ]
    )
  })

  test('a query {why} gets no result and no request')
    .with([
      { why: 'that is empty', query: '' },
      { why: 'of spaces only', query: '   ' },
      { why: 'of 2 characters', query: 'ab' },
      { why: 'of 2 characters once trimmed', query: '  ab  ' },
      { why: 'of 201 characters', query: 'x'.repeat(201) },
    ])
    .run(async ({ assert }, { query }) => {
      const scope = nock(BAN).get('/search/').query(true).reply(200, banAnswer())

      assert.deepEqual(await geocoder().search(query), [])
      // The fake was never consumed: no request left for BAN.
      assert.isFalse(scope.isDone())
      assert.lengthOf(nock.pendingMocks(), 1)
    })

  test('an answer without features is no result, not an error', async ({ assert }) => {
    nock(BAN).get('/search/').query(true).reply(200, banAnswer([]))

    assert.deepEqual(await geocoder().search('zzzz qqqq'), [])
  })

  test('HTTP {$self} makes the geocoder unavailable')
    .with([500, 503, 429, 400])
    .run(async ({ assert }, status) => {
      nock(BAN).get('/search/').query(true).reply(status, { code: status, message: 'nope' })

      await assert.rejects(
        () => geocoder().search(QUERY),
        GeocoderUnavailable,
        unavailable(`HTTP ${status}`)
      )
    })

  test('a BAN slower than the timeout makes the geocoder unavailable', async ({ assert }) => {
    // The answer is held back before its headers. nock's .delay() holds back
    // the body instead, and aborting a mocked body mid-stream crashes the
    // process inside undici (nock 15 with Node 24).
    nock(BAN)
      .get('/search/')
      .query(true)
      .reply(async () => {
        await sleep(TIMEOUT_MS * 5)
        return [200, banAnswer()]
      })

    await assert.rejects(
      () => geocoder().search(QUERY),
      GeocoderUnavailable,
      unavailable('timeout')
    )
  })

  test('a network failure makes the geocoder unavailable', async ({ assert }) => {
    nock(BAN)
      .get('/search/')
      .query(true)
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))

    await assert.rejects(
      () => geocoder().search(QUERY),
      GeocoderUnavailable,
      unavailable('network error')
    )
  })

  test('body {$self} makes the geocoder unavailable')
    .with([
      '<html>Service indisponible</html>',
      'null',
      '[]',
      '{"type":"Feature","geometry":null,"properties":{}}',
      '{"type":"FeatureCollection"}',
      '{"type":"FeatureCollection","features":{}}',
    ])
    .run(async ({ assert }, body) => {
      nock(BAN).get('/search/').query(true).reply(200, body, { 'content-type': 'application/json' })

      await assert.rejects(
        () => geocoder().search(QUERY),
        GeocoderUnavailable,
        unavailable('invalid response')
      )
    })

  test('features without usable coordinates or label are skipped', async ({ assert }) => {
    const withGeometry = (geometry: unknown) => ({ ...housenumber(), geometry })
    nock(BAN)
      .get('/search/')
      .query(true)
      .reply(
        200,
        banAnswer([
          withGeometry(undefined),
          withGeometry(null),
          withGeometry({ type: 'Point' }),
          withGeometry({ type: 'Point', coordinates: [] }),
          withGeometry({ type: 'Point', coordinates: ['2.339712', '48.878705'] }),
          withGeometry({ type: 'Point', coordinates: [48.878705, 248.2] }),
          { ...housenumber(), properties: { ...housenumber().properties, label: '' } },
          'not a feature',
          street(),
        ])
      )

    const addresses = await geocoder().search(QUERY)

    assert.deepEqual(
      addresses.map((address) => address.label),
      ['Rue des Martyrs 75018 Paris']
    )
  })
})
