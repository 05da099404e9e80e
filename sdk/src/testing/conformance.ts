import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type {
  PartnerOffer,
  PluginCapabilities,
  PluginDefinition,
  SearchArea,
  TimeWindow,
} from '../types.js'
import { NotSupported } from '../types.js'
import { OfferError, isSafeHttpsUrl, validateOffers } from '../offers.js'
import {
  FAKE_HOST_DEFAULTS,
  startPlugin,
  type FakeResponse,
  type StartedPlugin,
} from './fake_host.js'
import { loadRecordings, toPath, type LoadedRecording } from './recordings.js'

/** One situation a plugin is checked in: its config, the recorded partner answers, and the question asked. */
export interface ConformanceScenario {
  name: string
  /** Raw config, as an operator writes it (it goes through the plugin's schema). */
  config: unknown
  /** The recordings folder (or recordings already loaded). */
  recordings: string | URL | readonly LoadedRecording[]
  /** Secrets by environment variable name. */
  env?: Record<string, string>
  /** The fake clock: recorded answers are "current" at this instant. */
  now: Date
  area: SearchArea
  window: TimeWindow
  /** The recorded answers must give at least this many offers (default 1). */
  minOffers?: number
  /** Per-request timeout of the fake host (default 500 ms). */
  timeoutMs?: number
  maxResponseBytes?: number
}

export interface ConformanceCheck {
  name: string
  /** Resolves (with an optional note, e.g. why it did not apply) or throws a ConformanceFailure. */
  run(): Promise<string | void>
}

export interface ConformanceResult {
  name: string
  ok: boolean
  error?: string
  note?: string
  durationMs: number
}

export interface ConformanceReport {
  passed: boolean
  results: ConformanceResult[]
}

/** A registrar like Japa's `test`: one test per check. */
export type TestRegistrar = (title: string, callback: () => Promise<void>) => unknown

export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConformanceFailure'
  }
}

function fail(message: string): never {
  throw new ConformanceFailure(message)
}

/** NotSupported from this SDK or from another copy of it (a partner's own install). */
export function isNotSupported(error: unknown): boolean {
  return error instanceof NotSupported || (error instanceof Error && error.name === 'NotSupported')
}

function describe(error: unknown) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/* ---------- answers the conformance suite substitutes for the recorded ones ---------- */

const HTML_PAGE =
  '<!doctype html><html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>'
const OTHER_SHAPE = JSON.stringify({
  error: { code: 'unexpected' },
  data: [1, 'two', null],
  items: 'none',
})
const ID_KEY = /(^|_)id$|^uuid$|Id$/
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/

function transformJson(body: string, transform: (value: unknown) => unknown): string | undefined {
  try {
    return JSON.stringify(transform(JSON.parse(body)))
  } catch {
    return undefined
  }
}

/** Every number becomes null and every link a javascript: URL. */
function sabotage(value: unknown): unknown {
  if (typeof value === 'number') return null
  if (typeof value === 'string' && /^https?:\/\//.test(value)) return 'javascript:alert(1)'
  if (Array.isArray(value)) return value.map(sabotage)
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, sabotage(entry)]))
  return value
}

/** Free texts (with a space, not links nor dates) grow to thousands of characters. */
function lengthen(value: unknown): unknown {
  if (
    typeof value === 'string' &&
    /\s/.test(value.trim()) &&
    !/^https?:/.test(value) &&
    !DATE_LIKE.test(value)
  ) {
    return `${value} ${'Lorem ipsum dolor sit amet. '.repeat(200)}`
  }
  if (Array.isArray(value)) return value.map(lengthen)
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, lengthen(entry)]))
  return value
}

/** A copy whose identifiers all carry a suffix, so copies stay distinct and still join across files. */
function suffixIds(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((entry) => suffixIds(entry, suffix))
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      ID_KEY.test(key) && (typeof entry === 'string' || typeof entry === 'number')
        ? `${entry}${suffix}`
        : suffixIds(entry, suffix),
    ])
  )
}

/** The longest list of objects in a JSON answer (its main list: journeys, stations, vehicles...). */
function mainList(value: unknown): unknown[] | undefined {
  let best: unknown[] | undefined
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      if (node.some(isRecord) && (!best || node.length > best.length)) best = node
      node.forEach(visit)
    } else if (isRecord(node)) {
      Object.values(node).forEach(visit)
    }
  }
  visit(value)
  return best
}

/** The main list repeated to thousands of entries (within `maxBytes`), ids made distinct per copy. */
function inflate(body: string, maxBytes: number): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  const list = mainList(parsed)
  if (!list || list.length === 0) return undefined
  const original = [...list]
  const perCopy = Buffer.byteLength(JSON.stringify(original)) + 32
  const copies = Math.max(
    2,
    Math.min(Math.ceil(5000 / original.length), Math.floor((maxBytes * 0.8) / perCopy))
  )
  list.length = 0
  for (let copy = 0; copy < copies; copy++) {
    for (const entry of original) list.push(copy === 0 ? entry : suffixIds(entry, `-copy${copy}`))
  }
  return JSON.stringify(parsed)
}

type Substitute = (recording: LoadedRecording) => FakeResponse | undefined

/** Applies `substitute` to the successful recorded answers only. */
function substituting(substitute: Substitute) {
  return (_request: unknown, recording: LoadedRecording | undefined) =>
    recording && recording.response.status >= 200 && recording.response.status < 300
      ? substitute(recording)
      : undefined
}

/* ---------- the checks ---------- */

interface Outcome {
  settled: boolean
  offers?: unknown
  error?: unknown
  elapsedMs: number
}

async function listWithin(
  capabilities: PluginCapabilities,
  scenario: ConformanceScenario,
  budgetMs: number
) {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const budget = new Promise<Outcome>((settle) => {
    timer = setTimeout(
      () => settle({ settled: false, elapsedMs: performance.now() - started }),
      budgetMs
    )
  })
  const call = Promise.resolve()
    .then(() => capabilities.offers!.list(scenario.area, scenario.window))
    .then(
      (offers): Outcome => ({ settled: true, offers, elapsedMs: performance.now() - started }),
      (error: unknown): Outcome => ({
        settled: true,
        error,
        elapsedMs: performance.now() - started,
      })
    )
  const outcome = await Promise.race([call, budget])
  clearTimeout(timer)
  return outcome
}

function expectValidOffers(
  offers: unknown,
  started: StartedPlugin<unknown>,
  what: string
): PartnerOffer[] {
  if (!Array.isArray(offers))
    fail(`${what}: offers.list must resolve to a list (got ${typeof offers})`)
  let checked
  try {
    checked = validateOffers(offers, {
      now: started.host.clock.now(),
      kinds: started.manifest.offerKinds,
    })
  } catch (error) {
    if (error instanceof OfferError) fail(`${what}: ${error.message}`)
    throw error
  }
  if (checked.rejected.length > 0) {
    const sample = checked.rejected.slice(0, 3).map((entry) => `#${entry.index} ${entry.message}`)
    fail(`${what}: ${checked.rejected.length} invalid offer(s) returned: ${sample.join('; ')}`)
  }
  return checked.offers
}

/**
 * The checks an offer source must pass, each on a fresh plugin and a fresh
 * fake host. Framework-free: run them with runOfferSourceConformance, or
 * register them one by one with a test runner.
 */
export function offerSourceConformanceChecks(
  plugin: PluginDefinition<any>,
  scenario: ConformanceScenario
): ConformanceCheck[] {
  const timeoutMs = scenario.timeoutMs ?? FAKE_HOST_DEFAULTS.timeoutMs
  const maxBytes = scenario.maxResponseBytes ?? FAKE_HOST_DEFAULTS.maxResponseBytes
  let recordings: readonly LoadedRecording[] | undefined
  const loaded = () =>
    (recordings ??=
      typeof scenario.recordings === 'string' || scenario.recordings instanceof URL
        ? loadRecordings(scenario.recordings)
        : scenario.recordings)

  const start = (substitute?: Substitute) =>
    startPlugin(plugin, {
      config: scenario.config,
      recordings: loaded(),
      env: scenario.env,
      now: scenario.now,
      timeoutMs,
      maxResponseBytes: maxBytes,
      respond: substitute ? substituting(substitute) : undefined,
    })

  const declares = (capability: string) =>
    plugin.manifest.capabilities.includes(capability as never)

  /** Adversarial answers: the call must settle in time and never yield an invalid offer. */
  const survives = (what: string, substitute: Substitute) => async () => {
    const started = await start(substitute)
    const outcome = await listWithin(
      started.capabilities,
      scenario,
      Math.max(10_000, timeoutMs * 20)
    )
    if (!outcome.settled)
      fail(`${what}: offers.list did not settle within ${Math.round(outcome.elapsedMs)} ms`)
    if (outcome.error === undefined) expectValidOffers(outcome.offers, started, what)
  }

  const label = (text: string) => `[${scenario.name}] ${text}`

  return [
    {
      name: label('setup() returns exactly the capabilities the manifest declares'),
      run: async () => {
        if (!declares('offers.list'))
          fail("an offer source must declare the 'offers.list' capability")
        const { capabilities } = await start()
        const implemented = {
          'offers.list': typeof capabilities.offers?.list === 'function',
          'booking.link': typeof capabilities.booking?.link === 'function',
          'health': typeof capabilities.health === 'function',
        }
        for (const [capability, present] of Object.entries(implemented)) {
          if (declares(capability) && !present)
            fail(`declares '${capability}' but setup() does not implement it`)
          if (!declares(capability) && present)
            fail(`implements '${capability}' without declaring it in the manifest`)
        }
      },
    },
    {
      name: label(
        'offers.list maps the recorded answers to valid offers, calling only recorded URLs'
      ),
      run: async () => {
        const started = await start()
        const outcome = await listWithin(
          started.capabilities,
          scenario,
          Math.max(10_000, timeoutMs * 20)
        )
        if (!outcome.settled) fail('offers.list did not settle')
        if (outcome.error !== undefined)
          fail(`offers.list threw on the recorded answers: ${describe(outcome.error)}`)
        const offers = expectValidOffers(outcome.offers, started, 'recorded answers')
        const refused = started.host.refused()
        if (refused.length > 0) {
          fail(
            `requests the fake host refused: ${refused.map((call) => `${call.method} ${call.url} (${call.outcome})`).join('; ')}`
          )
        }
        const minOffers = scenario.minOffers ?? 1
        if (offers.length < minOffers) {
          fail(
            `returned ${offers.length} offer(s) from the recorded answers, expected at least ${minOffers}`
          )
        }
      },
    },
    {
      name: label('booking.link answers an https link or throws NotSupported'),
      run: async () => {
        const started = await start()
        const booking = started.capabilities.booking
        if (!declares('booking.link') || !booking) return 'not declared (optional)'
        const offers =
          (await started.capabilities.offers!.list(scenario.area, scenario.window)) ?? []
        if (offers.length === 0) return 'no offer to link'
        for (const offer of offers.slice(0, 3)) {
          try {
            const link = await booking.link(offer)
            if (!isSafeHttpsUrl(link))
              fail(`booking.link answered ${JSON.stringify(link)}, not an https URL`)
          } catch (error) {
            if (error instanceof ConformanceFailure) throw error
            if (!isNotSupported(error))
              fail(`booking.link threw ${describe(error)} (only NotSupported is allowed)`)
          }
        }
      },
    },
    {
      name: label('health answers { ok } or throws NotSupported'),
      run: async () => {
        const started = await start()
        const health = started.capabilities.health
        if (!declares('health') || !health) return 'not declared (optional)'
        try {
          const report = await health()
          if (!isRecord(report) || typeof report.ok !== 'boolean') {
            fail(
              `health answered ${JSON.stringify(report)}, expected { ok: boolean, detail?: string }`
            )
          }
          if (report.detail !== undefined && typeof report.detail !== 'string')
            fail('health().detail must be a text')
        } catch (error) {
          if (error instanceof ConformanceFailure) throw error
          if (!isNotSupported(error))
            fail(`health threw ${describe(error)} (only NotSupported is allowed)`)
        }
      },
    },
    {
      name: label('malformed upstream (an HTML page): throws or returns valid offers only'),
      run: survives('HTML instead of JSON', () => ({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: HTML_PAGE,
      })),
    },
    {
      name: label(
        'malformed upstream (JSON of another shape): throws or returns valid offers only'
      ),
      run: survives('JSON of another shape', () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: OTHER_SHAPE,
      })),
    },
    {
      name: label(
        'malformed upstream (numbers nulled, links unsafe): throws or returns valid offers only'
      ),
      run: survives('sabotaged recorded answers', (recording) => {
        const body = transformJson(recording.response.body, sabotage)
        return body === undefined ? undefined : { ...recording.response, body }
      }),
    },
    {
      name: label(
        'oversized upstream (beyond the host size cap): throws or returns valid offers only'
      ),
      run: survives('answers over the size cap', (recording) => ({
        ...recording.response,
        body: recording.response.body + ' '.repeat(maxBytes),
      })),
    },
    {
      name: label('oversized upstream (thousands of records): at most 200 valid offers'),
      run: survives('thousands of records', (recording) => {
        const body = inflate(recording.response.body, maxBytes)
        return body === undefined ? undefined : { ...recording.response, body }
      }),
    },
    {
      name: label(
        'oversized upstream (texts of thousands of characters): offers stay within the caps'
      ),
      run: survives('very long texts', (recording) => {
        const body = transformJson(recording.response.body, lengthen)
        return body === undefined ? undefined : { ...recording.response, body }
      }),
    },
    {
      name: label(`slow upstream: settles within the host timeout (${timeoutMs} ms)`),
      run: async () => {
        const started = await start((recording) => ({
          ...recording.response,
          delayMs: timeoutMs * 20,
        }))
        const budgetMs = Math.round(timeoutMs * 1.5 + 200)
        const outcome = await listWithin(started.capabilities, scenario, budgetMs)
        if (!outcome.settled) {
          fail(
            `offers.list was still running after ${budgetMs} ms while every upstream request times out after ` +
              `${timeoutMs} ms: give up on the first timeout instead of retrying`
          )
        }
        if (outcome.error === undefined) expectValidOffers(outcome.offers, started, 'slow upstream')
      },
    },
    {
      name: label('failing upstream (HTTP 500): throws an error naming the status'),
      run: async () => {
        const started = await start(() => ({
          status: 500,
          headers: { 'content-type': 'text/plain' },
          body: 'Internal Server Error',
        }))
        const outcome = await listWithin(
          started.capabilities,
          scenario,
          Math.max(10_000, timeoutMs * 20)
        )
        if (!outcome.settled) fail('offers.list did not settle')
        if (outcome.error === undefined) {
          fail(
            `offers.list resolved (${JSON.stringify(outcome.offers)?.slice(0, 80)}) while every upstream answered 500`
          )
        }
        if (!(outcome.error instanceof Error) || !outcome.error.message.includes('500')) {
          fail(
            `the error must be an Error whose message names the HTTP status 500 (got ${describe(outcome.error)})`
          )
        }
      },
    },
  ]
}

export function runOfferSourceConformance(
  plugin: PluginDefinition<any>,
  scenario: ConformanceScenario,
  options: { test: TestRegistrar }
): ConformanceCheck[]
export function runOfferSourceConformance(
  plugin: PluginDefinition<any>,
  scenario: ConformanceScenario
): Promise<ConformanceReport>
/**
 * The conformance suite for an offer source. With `{ test }` (Japa's
 * `test`, or any `test(title, fn)`), registers one test per check;
 * without, runs every check and resolves to a report.
 */
export function runOfferSourceConformance(
  plugin: PluginDefinition<any>,
  scenario: ConformanceScenario,
  options?: { test: TestRegistrar }
): ConformanceCheck[] | Promise<ConformanceReport> {
  const checks = offerSourceConformanceChecks(plugin, scenario)
  if (options?.test) {
    for (const check of checks) {
      options.test(check.name, async () => {
        await check.run()
      })
    }
    return checks
  }
  return runChecks(checks)
}

export async function runChecks(checks: readonly ConformanceCheck[]): Promise<ConformanceReport> {
  const results: ConformanceResult[] = []
  for (const check of checks) {
    const started = performance.now()
    try {
      const note = await check.run()
      results.push({
        name: check.name,
        ok: true,
        note: typeof note === 'string' ? note : undefined,
        durationMs: performance.now() - started,
      })
    } catch (error) {
      results.push({
        name: check.name,
        ok: false,
        error: error instanceof ConformanceFailure ? error.message : describe(error),
        durationMs: performance.now() - started,
      })
    }
  }
  return { passed: results.every((result) => result.ok), results }
}

/* ---------- conformance.json ---------- */

function parseDate(value: unknown, where: string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN)
  if (Number.isNaN(date.getTime())) throw new Error(`${where} must be an ISO date-time`)
  return date
}

/**
 * Reads a plugin's `conformance.json`: `{ "scenarios": [{ name, recordings
 * (folder, relative to the plugin), config, env?, now, area, window: {from,
 * until}, minOffers? }] }`, the fixtures plugin:verify and the plugin's own
 * tests run the suite with.
 */
export function loadConformanceScenarios(pluginDir: string | URL): ConformanceScenario[] {
  const dir = toPath(pluginDir)
  const file = join(dir, 'conformance.json')
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { scenarios?: unknown }
  if (!Array.isArray(parsed.scenarios) || parsed.scenarios.length === 0) {
    throw new Error(`${file}: "scenarios" must be a non-empty list`)
  }
  return parsed.scenarios.map((raw: Record<string, any>, index) => {
    const where = `${file}: scenarios[${index}]`
    if (typeof raw.name !== 'string' || typeof raw.recordings !== 'string') {
      throw new Error(`${where} needs a "name" and a "recordings" folder`)
    }
    return {
      name: raw.name,
      config: raw.config,
      recordings: resolve(dir, raw.recordings),
      env: raw.env,
      now: parseDate(raw.now, `${where}.now`),
      area: raw.area,
      window: {
        from: parseDate(raw.window?.from, `${where}.window.from`),
        until: parseDate(raw.window?.until, `${where}.window.until`),
      },
      minOffers: raw.minOffers,
      timeoutMs: raw.timeoutMs,
      maxResponseBytes: raw.maxResponseBytes,
    }
  })
}

export function formatConformanceReport(report: ConformanceReport): string {
  return report.results
    .map(
      (result) =>
        `  ${result.ok ? '✓' : '✗'} ${result.name}${result.note ? `: ${result.note}` : ''} (${Math.round(result.durationMs)} ms)` +
        (result.error ? `\n      ${result.error}` : '')
    )
    .join('\n')
}
