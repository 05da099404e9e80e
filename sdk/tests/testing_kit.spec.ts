import { test } from '@japa/runner'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  SDK_API_VERSION,
  definePlugin,
  keepValidOffers,
  readJson,
  type PartnerOffer,
} from '../index.js'
import {
  FakeHttpError,
  createFakeHost,
  loadRecordings,
  runOfferSourceConformance,
  verifyPluginDir,
  type ConformanceScenario,
  type LoadedRecording,
} from '../testing.js'

const NOW = new Date('2026-03-02T08:00:00Z')

const answer = {
  items: [
    {
      ref: 'a1',
      name: 'Cave de 5 m²',
      lat: 48.112,
      lon: -1.681,
      link: 'https://partner.example/a1',
    },
    {
      ref: 'a2',
      name: 'Garage fermé',
      lat: 48.109,
      lon: -1.676,
      link: 'https://partner.example/a2',
    },
  ],
}

const recordings: LoadedRecording[] = [
  {
    request: { method: 'GET', url: 'http://partner.test/offers.json' },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer),
    },
    source: 'inline',
  },
]

const scenario: ConformanceScenario = {
  name: 'inline',
  config: {},
  recordings,
  now: NOW,
  area: {
    center: { latitude: 48.1113, longitude: -1.68 },
    radiusMeters: 1500,
    bbox: [-1.7, 48.09, -1.66, 48.13],
  },
  window: { from: NOW, until: new Date('2026-03-03T08:00:00Z') },
  minOffers: 2,
  timeoutMs: 100,
}

interface Flaws {
  /** Returns offers without checking them (http links slip through). */
  unchecked?: boolean
  /** Treats any answer as a success. */
  ignoresStatus?: boolean
  /** Retries after a timeout, again and again. */
  retries?: boolean
  /** Declares booking.link but does not implement it. */
  declaresBooking?: boolean
  /** Also calls a URL outside its manifest. */
  strayUrl?: string
}

function samplePlugin(flaws: Flaws = {}) {
  return definePlugin({
    manifest: {
      id: 'sample_storage',
      version: '0.1.0',
      apiVersion: SDK_API_VERSION,
      capabilities: flaws.declaresBooking ? ['offers.list', 'booking.link'] : ['offers.list'],
      network: [{ url: 'http://partner.test/*', methods: ['GET'] }],
      display: { name: 'Sample', attribution: 'Sample partner' },
      offerKinds: ['storage'],
    },
    config: { validate: async (input: unknown) => input as Record<string, never> },
    setup(ctx) {
      return {
        offers: {
          async list() {
            if (flaws.strayUrl) await ctx.http.fetch(flaws.strayUrl).catch(() => undefined)
            let response
            for (let attempt = 0; ; attempt++) {
              try {
                response = await ctx.http.fetch('http://partner.test/offers.json')
                break
              } catch (error) {
                if (!flaws.retries || attempt > 20) throw error
              }
            }
            const body = (
              flaws.ignoresStatus
                ? JSON.parse((await response.text()) || '{}')
                : await readJson(response, 'sample offers')
            ) as { items?: any[] }
            const items = Array.isArray(body?.items) ? body.items : []
            const offers = items.map((item): PartnerOffer => ({
              id: String(item?.ref),
              kind: 'storage',
              title: String(item?.name),
              location: { point: { latitude: item?.lat, longitude: item?.lon } },
              deepLink: flaws.unchecked ? 'http://partner.example/' : item?.link,
              attribution: 'Sample partner',
              expiresAt: new Date(ctx.clock.now().getTime() + 3_600_000),
            }))
            return flaws.unchecked || flaws.ignoresStatus
              ? offers
              : keepValidOffers(offers, { now: ctx.clock.now() })
          },
        },
      }
    },
  })
}

async function failedChecks(flaws: Flaws) {
  const report = await runOfferSourceConformance(samplePlugin(flaws), scenario)
  return report.results
    .filter((result) => !result.ok)
    .map((result) => result.name.replace('[inline] ', ''))
}

test.group('Test kit: the fake host', () => {
  test('answers from recordings, refuses anything else and records every call', async ({
    assert,
  }) => {
    const host = createFakeHost({
      config: {},
      recordings,
      network: [{ url: 'http://partner.test/*', methods: ['GET'] }],
      now: NOW,
    })
    const response = await host.ctx.http.fetch('http://PARTNER.test:80/offers.json')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), answer)

    const unrecorded = await host.ctx.http
      .fetch('http://partner.test/other.json')
      .catch((error) => error)
    assert.instanceOf(unrecorded, FakeHttpError)
    assert.include(unrecorded.message, 'no recording for GET http://partner.test/other.json')

    const outside = await host.ctx.http
      .fetch('http://elsewhere.test/offers.json')
      .catch((error) => error)
    assert.equal(outside.outcome, 'not-allowed')
    const post = await host.ctx.http
      .fetch('http://partner.test/offers.json', { method: 'POST' })
      .catch((e) => e)
    assert.equal(post.outcome, 'not-allowed')
    const plain = await createFakeHost({ config: {} })
      .ctx.http.fetch('http://api.partner.example/x')
      .catch((error) => error)
    assert.include(plain.message, 'only https URLs are fetched')

    assert.deepEqual(
      host.calls.map((call) => call.outcome),
      ['answered', 'not-recorded', 'not-allowed', 'not-allowed']
    )
    assert.lengthOf(host.refused(), 3)
  })

  test('applies its timeout and size cap, whatever the plugin asks', async ({ assert }) => {
    const host = createFakeHost({
      config: {},
      recordings,
      timeoutMs: 50,
      maxResponseBytes: 100,
      respond: (request) =>
        request.url.endsWith('slow')
          ? { status: 200, body: '{}', delayMs: 1000 }
          : request.url.endsWith('big')
            ? { status: 200, body: 'x'.repeat(101) }
            : undefined,
    })
    const started = Date.now()
    const slow = await host.ctx.http
      .fetch('http://partner.test/slow', { timeoutMs: 10_000 })
      .catch((e) => e)
    assert.equal(slow.outcome, 'timeout')
    assert.isBelow(Date.now() - started, 500)
    assert.equal(host.calls[0].requestedTimeoutMs, 10_000)
    const big = await host.ctx.http.fetch('http://partner.test/big').catch((error) => error)
    assert.equal(big.outcome, 'too-large')
  })

  test('cache values come back as JSON and expire by the fake clock; secrets by name', async ({
    assert,
  }) => {
    const host = createFakeHost({ config: {}, now: NOW, env: { PARTNER_KEY: 'k' } })
    await host.ctx.cache.set('feed', { at: NOW }, 60)
    assert.deepEqual(await host.ctx.cache.get('feed'), { at: NOW.toISOString() })
    host.clock.advance(61_000)
    assert.isUndefined(await host.ctx.cache.get('feed'))
    assert.equal(host.ctx.clock.now().toISOString(), '2026-03-02T08:01:01.000Z')
    assert.equal(host.ctx.secrets.get('PARTNER_KEY'), 'k')
    assert.isUndefined(host.ctx.secrets.get('HOME'))
  })

  test('loads *.http.json recordings with bodies inline or in files', ({ assert, cleanup }) => {
    const dir = mkdtempSync(join(tmpdir(), 'quartier-recordings-'))
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(join(dir, 'v1'))
    writeFileSync(join(dir, 'v1', 'feed.json'), '{"items":[]}')
    writeFileSync(
      join(dir, 'v1', 'feed.http.json'),
      JSON.stringify([
        {
          request: { url: 'https://partner.example/feed.json' },
          response: { status: 200, bodyFile: 'feed.json' },
        },
        {
          request: { url: 'https://partner.example/status' },
          response: { status: 503, body: { error: 'down' } },
        },
      ])
    )
    writeFileSync(join(dir, 'notes.json'), 'not a recording')
    const loaded = loadRecordings(dir)
    assert.deepEqual(
      loaded.map((recording) => [
        recording.request.method,
        recording.response.status,
        recording.response.body,
      ]),
      [
        ['GET', 200, '{"items":[]}'],
        ['GET', 503, '{"error":"down"}'],
      ]
    )
    assert.equal(loaded[1].response.headers['content-type'], 'application/json')
  })
})

test.group('Test kit: the conformance suite', () => {
  test('passes a well-behaved plugin', async ({ assert }) => {
    const report = await runOfferSourceConformance(samplePlugin(), scenario)
    assert.deepEqual(
      report.results.filter((result) => !result.ok),
      []
    )
    assert.isTrue(report.passed)
    assert.lengthOf(report.results, 12)
  })

  test('catches a plugin that returns unchecked offers', async ({ assert }) => {
    assert.include(
      await failedChecks({ unchecked: true }),
      'offers.list maps the recorded answers to valid offers, calling only recorded URLs'
    )
  })

  test('catches a plugin that ignores a failing upstream', async ({ assert }) => {
    const failed = await failedChecks({ ignoresStatus: true })
    assert.include(failed, 'failing upstream (HTTP 500): throws an error naming the status')
  })

  test('catches a plugin that keeps retrying a slow upstream', async ({ assert }) => {
    assert.include(
      await failedChecks({ retries: true }),
      'slow upstream: settles within the host timeout (100 ms)'
    )
  })

  test('catches a plugin that declares a capability it lacks, or calls outside its manifest', async ({
    assert,
  }) => {
    assert.include(
      await failedChecks({ declaresBooking: true }),
      'setup() returns exactly the capabilities the manifest declares'
    )
    assert.include(
      await failedChecks({ strayUrl: 'http://169.254.169.254/latest/meta-data/' }),
      'offers.list maps the recorded answers to valid offers, calling only recorded URLs'
    )
  })

  test('registers one test per check with a Japa-like registrar', ({ assert }) => {
    const titles: string[] = []
    runOfferSourceConformance(samplePlugin(), scenario, { test: (title) => titles.push(title) })
    assert.lengthOf(titles, 12)
    assert.isTrue(titles.every((title) => title.startsWith('[inline] ')))
  })
})

test.group('Test kit: plugin:verify', () => {
  test('reports a folder that is not a plugin, step by step', async ({ assert, cleanup }) => {
    const dir = mkdtempSync(join(tmpdir(), 'quartier-plugin-'))
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    const missing = await verifyPluginDir(dir)
    assert.isFalse(missing.passed)
    assert.match(missing.steps[0].detail!, /no package.json/)

    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@acme/plugin',
        type: 'module',
        exports: './index.ts',
        dependencies: {},
      })
    )
    const noSdk = await verifyPluginDir(dir)
    assert.match(noSdk.steps[0].detail!, /must list @quartier\/plugin-sdk/)
  })
})
