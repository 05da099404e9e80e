import { test } from '@japa/runner'
import { NotSupported, definePlugin, type PartnerOffer } from '#sdk'
import { PluginUnavailableError, partnerHost } from '#modules/partners/services/host'
import { searchAreaOf } from '#modules/partners/services/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  SAINT_VICTOR,
  apiKeyConfig,
  carOffer,
  clock,
  loadPlugins,
  resetHostAfterEach,
  testPlugin,
  testSettings,
} from '#tests/functional/partners/support'

const AREA = searchAreaOf(
  { latitude: SAINT_VICTOR.latitude, longitude: SAINT_VICTOR.longitude },
  [2.349, 48.844, 2.359, 48.851],
  500
)
const WINDOW = { from: new Date(), until: new Date(Date.now() + 86_400_000) }

function list(pluginId: string) {
  return partnerHost.listOffers(AREA, WINDOW, [pluginId]).then((answers) => answers[0])
}

/** Never settles (a plugin stuck on something). */
function forever<T>(): Promise<T> {
  return new Promise(() => {})
}

/**
 * The host around each plugin: loading (manifest and config validated,
 * names in the errors, duplicates refused, a broken plugin never stops
 * the others), and every call wrapped: timeout, circuit breaker,
 * concurrency limit, validation and caps of the answers, statistics.
 */
test.group('Partner plugins: the host', (group) => {
  freshStateForEachTest(group)
  resetHostAfterEach(group)

  test('loading: a bad config, a bad manifest, a duplicate id or a failing setup leaves only that plugin out', async ({
    assert,
  }) => {
    await loadPlugins([
      { plugin: testPlugin({ id: 'good', list: async () => [] }) },
      {
        plugin: testPlugin({ id: 'keyed', config: apiKeyConfig, list: async () => [] }),
        config: { apiKey: 'short' },
      },
      { plugin: testPlugin({ id: 'future', apiVersion: '2.0.0', list: async () => [] }) },
      {
        plugin: testPlugin({
          id: 'plaintext',
          network: [{ url: 'http://partner.example.org/*', methods: ['GET'] }],
          list: async () => [],
        }),
      },
      { plugin: testPlugin({ id: 'good', name: 'Copie', list: async () => [] }) },
      {
        plugin: definePlugin({
          ...testPlugin({ id: 'crashing', list: async () => [] }),
          setup: () => {
            throw new Error('cannot start')
          },
        }),
      },
      { plugin: testPlugin({ id: 'missing', capabilities: ['offers.list', 'health'] }) },
      { plugin: async () => ({ default: { not: 'a plugin' } }) },
      {
        plugin: async () => {
          throw new Error('Cannot find module plugins/nowhere')
        },
      },
    ])
    assert.deepEqual(partnerHost.activeIds(), ['good'])
    assert.equal(partnerHost.plugin('good')?.manifest.display.name, 'Partenaire good')
    const errors = partnerHost
      .failures()
      .map((failure) => `${failure.label}: ${failure.error}`)
      .sort()
    assert.lengthOf(errors, 8)
    const [first, second, crashing, future, good, keyed, missing, plaintext] = errors
    assert.match(first, /^config\/plugins\.ts #8: Error: the module exports no definePlugin\(\)/)
    assert.match(second, /^config\/plugins\.ts #9: Error: Cannot find module plugins\/nowhere/)
    assert.equal(crashing, 'crashing: Error: cannot start')
    assert.match(future, /^future: ManifestError: Plugin "future": manifest\.apiVersion 2\.0\.0/)
    assert.equal(good, 'good: Error: Plugin "good": duplicate id, refused')
    assert.match(keyed, /^keyed: ConfigError: Plugin "keyed": invalid config \(config\.apiKey: /)
    assert.equal(missing, 'missing: Error: setup() did not return the declared offers.list, health')
    assert.match(plaintext, /^plaintext: .*manifest\.network\[0\]\.url must be an https URL/)
  })

  test('a setup that never answers leaves the plugin out after the setup timeout', async ({
    assert,
  }) => {
    const started = Date.now()
    await loadPlugins([
      {
        plugin: definePlugin({
          ...testPlugin({ id: 'stuck', list: async () => [] }),
          setup: () => forever(),
        }),
      },
      { plugin: testPlugin({ id: 'fine', list: async () => [] }) },
    ])
    assert.deepEqual(partnerHost.activeIds(), ['fine'])
    assert.match(partnerHost.failures()[0].error, /setup: no answer within 500 ms/)
    assert.isBelow(Date.now() - started, 2000)
  })

  test('a call that hangs times out and counts as a failure; a throwing one too', async ({
    assert,
  }) => {
    await loadPlugins([
      { plugin: testPlugin({ id: 'hanging', list: () => forever() }) },
      {
        plugin: testPlugin({
          id: 'throwing',
          list: async () => {
            throw new Error('upstream 500')
          },
        }),
      },
    ])
    const started = Date.now()
    assert.deepEqual(await list('hanging'), { pluginId: 'hanging', ok: false, offers: [] })
    assert.isBelow(Date.now() - started, 2000)
    assert.deepEqual(await list('throwing'), { pluginId: 'throwing', ok: false, offers: [] })

    await partnerHost.stats.flush()
    const stats = await partnerHost.stats.read()
    assert.include(stats.get('hanging'), { calls: 1, failures: 1, timeouts: 1 })
    assert.match(stats.get('hanging')!.lastError!, /offers\.list: PluginTimeoutError/)
    assert.include(stats.get('throwing'), { calls: 1, failures: 1, timeouts: 0 })
    assert.match(stats.get('throwing')!.lastError!, /upstream 500/)
  })

  test('the breaker opens after consecutive failures, half-opens after the cool-down, closes on success', async ({
    assert,
  }) => {
    let failing = true
    let calls = 0
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'flaky',
          list: async () => {
            calls += 1
            if (failing) throw new Error('partner down')
            return [carOffer()]
          },
        }),
      },
    ])
    const breaker = partnerHost.plugin('flaky')!.breaker
    for (let attempt = 0; attempt < 3; attempt++) assert.isFalse((await list('flaky')).ok)
    assert.equal(breaker.state, 'open')
    /** Open: refused without calling the plugin. */
    assert.isFalse((await list('flaky')).ok)
    assert.equal(calls, 3)

    /** After the cool-down, one trial; it fails: open again for another cool-down. */
    clock.advance(60_000)
    assert.equal(breaker.state, 'half_open')
    assert.isFalse((await list('flaky')).ok)
    assert.equal(calls, 4)
    assert.equal(breaker.state, 'open')
    assert.isFalse((await list('flaky')).ok)
    assert.equal(calls, 4)

    /** The next trial succeeds: closed, calls flow again. */
    clock.advance(60_000)
    failing = false
    const answer = await list('flaky')
    assert.isTrue(answer.ok)
    assert.lengthOf(answer.offers, 1)
    assert.equal(breaker.state, 'closed')
    assert.isTrue((await list('flaky')).ok)
    assert.equal(calls, 6)

    await partnerHost.stats.flush()
    const stats = (await partnerHost.stats.read()).get('flaky')!
    assert.include(stats, { calls: 6, failures: 4, rejected: 2 })
    assert.isNotNull(stats.lastSuccessAt)
    assert.isNotNull(stats.p50)
    assert.isNotNull(stats.p95)
  })

  test('in half-open state only one trial call goes through at a time', async ({ assert }) => {
    let release: () => void = () => {}
    let calls = 0
    let failing = true
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'trial',
          list: async () => {
            calls += 1
            if (failing) throw new Error('down')
            await new Promise<void>((resolve) => (release = resolve))
            return []
          },
        }),
      },
    ])
    for (let attempt = 0; attempt < 3; attempt++) await list('trial')
    clock.advance(60_000)
    failing = false
    const trial = list('trial')
    const others = await Promise.all([list('trial'), list('trial')])
    assert.deepEqual(
      others.map((answer) => answer.ok),
      [false, false]
    )
    release()
    assert.isTrue((await trial).ok)
    assert.equal(calls, 4)
  })

  test('at most `concurrency` calls of one plugin run at once; the others wait their turn', async ({
    assert,
  }) => {
    let running = 0
    let highest = 0
    await loadPlugins(
      [
        {
          plugin: testPlugin({
            id: 'busy',
            list: async () => {
              running += 1
              highest = Math.max(highest, running)
              await new Promise((resolve) => setTimeout(resolve, 50))
              running -= 1
              return []
            },
          }),
        },
      ],
      { settings: testSettings({ calls: { concurrency: 2, maxWaiting: 3 } }) }
    )
    const answers = await Promise.all(Array.from({ length: 8 }, () => list('busy')))
    assert.equal(highest, 2)
    /** 2 running + 3 waiting are served; the 3 beyond are refused at once. */
    assert.equal(answers.filter((answer) => answer.ok).length, 5)
    await partnerHost.stats.flush()
    assert.include((await partnerHost.stats.read()).get('busy'), { calls: 5, rejected: 3 })
  })

  test('answers are validated: invalid offers dropped and counted, far ones dropped, nearest kept', async ({
    assert,
  }) => {
    const far = carOffer({ id: 'far', location: { point: { latitude: 48.89, longitude: 2.34 } } })
    await loadPlugins(
      [
        {
          plugin: testPlugin({
            id: 'sloppy',
            kinds: ['car'],
            list: async () =>
              [
                carOffer({
                  id: 'near-2',
                  location: { point: { latitude: 48.849, longitude: 2.354 } },
                }),
                carOffer({
                  id: 'near-1',
                  location: { point: { latitude: 48.8477, longitude: 2.3541 } },
                }),
                carOffer({
                  id: 'near-3',
                  location: { point: { latitude: 48.845, longitude: 2.357 } },
                }),
                far,
                carOffer({ id: 'insecure', deepLink: 'http://cars.example.org/1' }),
                carOffer({ id: 'script', deepLink: 'javascript:alert(1)' }),
                carOffer({ id: 'expired', expiresAt: new Date(Date.now() - 1000) }),
                carOffer({ id: 'ride', kind: 'ride' }),
                carOffer({ id: 'huge', title: 'x'.repeat(50 * 1024 * 1024) }),
                { id: 'broken' },
                null,
              ] as PartnerOffer[],
          }),
        },
      ],
      { settings: testSettings({ offers: { perPluginPerNeighbourhood: 2 } }) }
    )
    const answer = await list('sloppy')
    assert.isTrue(answer.ok)
    assert.deepEqual(
      answer.offers.map((offer) => offer.id),
      ['near-1', 'near-2']
    )
    assert.isBelow(answer.offers[0].distanceMeters, answer.offers[1].distanceMeters)
    await partnerHost.stats.flush()
    assert.include((await partnerHost.stats.read()).get('sloppy'), {
      calls: 1,
      failures: 0,
      invalidOffers: 7,
    })
  })

  test('a huge list is refused as a whole; NotSupported is an answer, not a failure', async ({
    assert,
  }) => {
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'flood',
          list: async () => Array.from({ length: 100_000 }, () => carOffer()),
        }),
      },
      {
        plugin: testPlugin({
          id: 'picky',
          list: async () => {
            throw new NotSupported('no offers outside Rennes')
          },
        }),
      },
    ])
    assert.isFalse((await list('flood')).ok)
    assert.isFalse((await list('picky')).ok)
    await partnerHost.stats.flush()
    const stats = await partnerHost.stats.read()
    assert.include(stats.get('flood'), { calls: 1, failures: 1, invalidOffers: 100_000 })
    assert.match(stats.get('flood')!.lastError!, /at most 200 offers/)
    assert.include(stats.get('picky'), { calls: 1, failures: 0 })
    assert.equal(partnerHost.plugin('picky')!.breaker.state, 'closed')
  })

  test('a call to a plugin whose breaker is open is refused with a reason', async ({ assert }) => {
    await loadPlugins([
      {
        plugin: testPlugin({
          id: 'down',
          list: async () => {
            throw new Error('down')
          },
        }),
      },
    ])
    const plugin = partnerHost.plugin('down')!
    for (let attempt = 0; attempt < 3; attempt++) await list('down')
    await assert.rejects(
      () => partnerHost.call(plugin, 'offers.list', async () => [], 100),
      PluginUnavailableError
    )
  })
})
