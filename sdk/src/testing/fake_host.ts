import type {
  HostContext,
  HttpMethod,
  NetworkRule,
  PluginCapabilities,
  PluginDefinition,
  PluginHttp,
  PluginManifest,
} from '../types.js'
import { isRequestAllowed } from '../manifest.js'
import { preparePlugin } from '../config.js'
import { loadRecordings, normaliseUrl, type LoadedRecording } from './recordings.js'

/** Hosts under the reserved `.test` domain are the test kit's fake hosts: plain http is allowed there. */
export const isFakeHost = (hostname: string) => hostname.endsWith('.test')

export const FAKE_HOST_DEFAULTS = {
  /** Per-request timeout the fake host gives (and the most a plugin may ask for). */
  timeoutMs: 500,
  /** Largest answer body the fake host hands to a plugin, like the real host's cap. */
  maxResponseBytes: 5 * 1024 * 1024,
}

/** What a request came to: answered, or why the fake host refused it. */
export type FakeCallOutcome =
  'answered' | 'not-recorded' | 'not-allowed' | 'timeout' | 'too-large' | 'invalid-url'

const REFUSALS: FakeCallOutcome[] = ['not-recorded', 'not-allowed', 'invalid-url']

export interface FakeHttpCall {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body?: string
  /** The timeout the plugin asked for, if any. */
  requestedTimeoutMs?: number
  outcome: FakeCallOutcome
  status?: number
  /** Recording that answered it. */
  source?: string
}

export interface FakeRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body?: string
}

export interface FakeResponse {
  status: number
  headers?: Record<string, string>
  body: string
  /** Answer after this long (the host's timeout still applies). */
  delayMs?: number
}

export interface FakeLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
  details?: object
}

export interface FakeHostOptions<Config> {
  /** The plugin's validated config, handed to setup() as ctx.config. */
  config: Config
  /** A folder of recordings (the plugin's recordings/) or recordings already loaded. */
  recordings?: string | URL | readonly LoadedRecording[]
  /** Resolved network rules: requests outside them are refused as the host would. Omit to allow any URL. */
  network?: readonly NetworkRule[]
  /** Secrets by environment variable name (ctx.secrets). */
  env?: Record<string, string>
  /** The fake clock's start (ctx.clock); defaults to the real time at creation. */
  now?: Date
  timeoutMs?: number
  maxResponseBytes?: number
  /** Replaces the recorded answer (or answers an unrecorded request); return undefined to keep it. */
  respond?: (
    request: FakeRequest,
    recording: LoadedRecording | undefined
  ) => FakeResponse | undefined
}

export interface FakeHost<Config> {
  ctx: HostContext<Config>
  /** Every request the plugin made, in order, with what happened to it. */
  calls: FakeHttpCall[]
  logs: FakeLogEntry[]
  clock: { now(): Date; set(date: Date): void; advance(ms: number): void }
  /** The requests the fake host refused (no recording, outside the manifest, bad URL). */
  refused(): FakeHttpCall[]
}

/** Why the fake host refused or failed a request; the message tells how to fix it. */
export class FakeHttpError extends Error {
  constructor(
    message: string,
    readonly outcome: FakeCallOutcome
  ) {
    super(message)
    this.name = 'FakeHttpError'
  }
}

function findRecording(recordings: readonly LoadedRecording[], request: FakeRequest) {
  return recordings.find(
    (recording) =>
      recording.request.method === request.method &&
      recording.request.url === request.url &&
      (recording.request.body === undefined || recording.request.body === request.body)
  )
}

/**
 * A host for tests: `http` answers only from recordings (method + URL),
 * refuses anything else and records every call; the clock is fixed (and
 * movable), the cache lives in memory (stored as JSON, like the real one),
 * the logger keeps what it was told.
 */
export function createFakeHost<Config>(options: FakeHostOptions<Config>): FakeHost<Config> {
  const recordings =
    options.recordings === undefined
      ? []
      : typeof options.recordings === 'string' || options.recordings instanceof URL
        ? loadRecordings(options.recordings)
        : options.recordings
  const hostTimeout = options.timeoutMs ?? FAKE_HOST_DEFAULTS.timeoutMs
  const maxBytes = options.maxResponseBytes ?? FAKE_HOST_DEFAULTS.maxResponseBytes
  let now = options.now ? options.now.getTime() : Date.now()
  const calls: FakeHttpCall[] = []
  const logs: FakeLogEntry[] = []
  const cache = new Map<string, { json: string; expiresAt: number }>()

  const http: PluginHttp = {
    async fetch(rawUrl, init = {}) {
      const method = (init.method ?? 'GET').toUpperCase() as HttpMethod
      const headers = { ...init.headers }
      const call: FakeHttpCall = {
        method,
        url: rawUrl,
        headers,
        body: init.body,
        requestedTimeoutMs: init.timeoutMs,
        outcome: 'answered',
      }
      calls.push(call)
      const refuse = (outcome: FakeCallOutcome, message: string) => {
        call.outcome = outcome
        return new FakeHttpError(message, outcome)
      }
      let url: URL
      try {
        url = new URL(rawUrl)
      } catch {
        throw refuse(
          'invalid-url',
          `Fake host: "${String(rawUrl).slice(0, 200)}" is not an absolute URL`
        )
      }
      call.url = url.href
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isFakeHost(url.hostname))) {
        throw refuse(
          'not-allowed',
          `Fake host: ${method} ${url.href} refused: only https URLs are fetched`
        )
      }
      if (options.network && !isRequestAllowed(options.network, method, url.href)) {
        throw refuse(
          'not-allowed',
          `Fake host: ${method} ${url.href} refused: not allowed by the manifest's network rules (${options.network
            .map((rule) => `${rule.methods.join('/')} ${rule.url}`)
            .join(', ')})`
        )
      }
      const request: FakeRequest = { method, url: normaliseUrl(url.href), headers, body: init.body }
      const recording = findRecording(recordings, request)
      const answer: FakeResponse | undefined =
        options.respond?.(request, recording) ?? (recording ? { ...recording.response } : undefined)
      if (!answer) {
        throw refuse(
          'not-recorded',
          `Fake host: no recording for ${method} ${request.url}; add one to the plugin's recordings/ folder ` +
            `(a *.http.json file: { "request": { "method": "${method}", "url": "..." }, "response": { "status": 200, "body": ... } })`
        )
      }
      call.source = recording?.source

      const timeoutMs = Math.min(init.timeoutMs ?? hostTimeout, hostTimeout)
      const delayMs = answer.delayMs ?? 0
      if (delayMs > timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, timeoutMs))
        throw refuse(
          'timeout',
          `Fake host: ${method} ${request.url} timed out after ${timeoutMs} ms`
        )
      }
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      if (Buffer.byteLength(answer.body) > maxBytes) {
        throw refuse(
          'too-large',
          `Fake host: ${method} ${request.url} answered more than ${maxBytes} bytes`
        )
      }
      call.status = answer.status
      const responseHeaders: Record<string, string> = {}
      for (const [name, value] of Object.entries(answer.headers ?? {}))
        responseHeaders[name.toLowerCase()] = value
      const body = method === 'HEAD' ? '' : answer.body
      return {
        status: answer.status,
        headers: responseHeaders,
        text: async () => body,
        json: async <T>() => JSON.parse(body) as T,
      }
    },
  }

  const log = (level: FakeLogEntry['level']) => (message: string, details?: object) => {
    logs.push({ level, message, details })
  }

  const ctx: HostContext<Config> = {
    http,
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    cache: {
      async get<T>(key: string) {
        const entry = cache.get(key)
        if (!entry || entry.expiresAt <= now) return undefined
        return JSON.parse(entry.json) as T
      },
      async set<T>(key: string, value: T, ttlSeconds: number) {
        const json = JSON.stringify(value)
        if (json !== undefined) cache.set(key, { json, expiresAt: now + ttlSeconds * 1000 })
      },
    },
    clock: { now: () => new Date(now) },
    config: options.config,
    secrets: { get: (name) => options.env?.[name] },
  }

  return {
    ctx,
    calls,
    logs,
    clock: {
      now: () => new Date(now),
      set: (date) => {
        now = date.getTime()
      },
      advance: (ms) => {
        now += ms
      },
    },
    refused: () => calls.filter((call) => REFUSALS.includes(call.outcome)),
  }
}

export interface StartedPlugin<Config> {
  host: FakeHost<Config>
  capabilities: PluginCapabilities
  /** The manifest with its network rules resolved from the config. */
  manifest: PluginManifest
  config: Config
}

/**
 * Loads a plugin as the host does (manifest, raw config through its
 * schema, network rules) on a fresh fake host, and runs its setup().
 */
export async function startPlugin<Config>(
  definition: PluginDefinition<Config>,
  options: Omit<FakeHostOptions<Config>, 'config' | 'network'> & { config: unknown }
): Promise<StartedPlugin<Config>> {
  const { manifest, config } = await preparePlugin(definition, options.config, {
    allowHttpHost: isFakeHost,
  })
  const host = createFakeHost({ ...options, config, network: manifest.network })
  const capabilities = await definition.setup(host.ctx)
  return { host, capabilities, manifest, config }
}
