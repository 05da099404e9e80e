import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { isRequestAllowed, type NetworkRule, type PluginHttp } from '#sdk'
import { isPublicAddress } from '#modules/partners/services/http/address_policy'
import type { ResolvedAddress, Resolver } from '#modules/partners/services/http/resolver'

type Method = 'GET' | 'POST' | 'HEAD'
const METHODS = new Set<string>(['GET', 'POST', 'HEAD'])
const REDIRECTS = new Set([301, 302, 303, 307, 308])

export type PartnerHttpErrorCode =
  | 'bad_request'
  | 'not_allowed'
  | 'forbidden_address'
  | 'dns'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'network'

/** Why the host refused or could not complete a plugin's request. */
export class PartnerHttpError extends Error {
  constructor(
    public code: PartnerHttpErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'PartnerHttpError'
  }
}

export interface GuardedHttpOptions {
  /** The manifest's rules, placeholders resolved from the config (resolveManifest). */
  rules: readonly NetworkRule[]
  resolver: Resolver
  /** When the plugin gives none. */
  timeoutMs: number
  /** The most a plugin may ask for. */
  maxTimeoutMs: number
  /** Reading stops (and the request fails) beyond this many bytes, decompressed. */
  maxResponseBytes: number
  maxRedirects: number
  maxRequestBytes: number
  userAgent: string
  /** Told about every refused request (the host logs it under the plugin's name). */
  onRefusal?: (error: PartnerHttpError, url: string) => void
}

/** Headers a plugin may not set: the host owns the connection and the framing. */
const RESERVED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'keep-alive',
  'expect',
  'proxy-authorization',
  'proxy-connection',
  'accept-encoding',
  'user-agent',
])
/** What survives a redirect to another origin (credentials and signatures do not). */
const CROSS_ORIGIN_HEADERS = new Set(['accept', 'accept-language', 'content-type'])
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]{1,64}$/
const HEADER_VALUE = /^[^\r\n\0]{0,8192}$/

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

function cleanHeaders(given: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  const entries = Object.entries(given ?? {})
  if (entries.length > 30) throw new PartnerHttpError('bad_request', 'too many request headers')
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase()
    if (!HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new PartnerHttpError('bad_request', `invalid request header "${rawName.slice(0, 64)}"`)
    }
    if (!RESERVED_HEADERS.has(name)) headers[name] = value
  }
  return headers
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** Connects to the address that was checked, whatever DNS would answer now (no rebinding). */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: Function) => {
    if (options?.all) callback(null, [{ address: address.address, family: address.family }])
    else callback(null, address.address, address.family)
  }) as unknown as LookupFunction
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip())
  if (encoding === 'deflate') return response.pipe(zlib.createInflate())
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress())
  return response
}

function withinDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  const remaining = deadline - Date.now()
  if (remaining <= 0) return Promise.reject(new PartnerHttpError('timeout', `${what}: time is up`))
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PartnerHttpError('timeout', `${what}: no answer in time`)),
        remaining
      )
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * `ctx.http` of a plugin: fetch limited to its network rules. Every hop
 * (the first request and each redirect, followed by hand, at most
 * `maxRedirects`) must match a rule for its method (the SDK's
 * isRequestAllowed: exact origin, '*' in the path and query), and its host must be
 * a public address: literal IPs are checked as written, names are
 * resolved here, every address they resolve to is checked, and the
 * connection goes to the checked address. One deadline covers the whole
 * exchange (DNS, redirects, body); the body is read up to
 * `maxResponseBytes` (after decompression) and the request fails beyond.
 */
export function guardedHttp(options: GuardedHttpOptions): PluginHttp {
  async function addressOf(url: URL, deadline: number): Promise<ResolvedAddress> {
    const host = url.hostname.replace(/^\[|\]$/g, '')
    const family = isIP(host)
    if (family !== 0) {
      if (!isPublicAddress(host)) {
        throw new PartnerHttpError('forbidden_address', `${host} is not a public address`)
      }
      return { address: host, family: family === 6 ? 6 : 4 }
    }
    let answers: ResolvedAddress[]
    try {
      answers = await withinDeadline(options.resolver(host), deadline, `resolving ${host}`)
    } catch (error) {
      if (error instanceof PartnerHttpError) throw error
      throw new PartnerHttpError('dns', `${host} could not be resolved`)
    }
    if (answers.length === 0) throw new PartnerHttpError('dns', `${host} has no address`)
    /** One private answer is enough to refuse: a name mixing both is a rebinding attempt. */
    const refused = answers.find((answer) => !isPublicAddress(answer.address))
    if (refused) {
      throw new PartnerHttpError(
        'forbidden_address',
        `${host} resolves to ${refused.address}, not a public address`
      )
    }
    return answers[0]
  }

  function exchange(
    url: URL,
    method: Method,
    headers: Record<string, string>,
    body: string | undefined,
    address: ResolvedAddress,
    deadline: number
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      let settled = false
      let request: http.ClientRequest | undefined
      const timer = setTimeout(
        () => fail(new PartnerHttpError('timeout', `${url.host}: no answer in time`)),
        Math.max(1, deadline - Date.now())
      )
      function fail(error: PartnerHttpError) {
        if (settled) return
        settled = true
        clearTimeout(timer)
        request?.destroy()
        reject(error)
      }
      function done(response: RawResponse) {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(response)
      }

      const transport = url.protocol === 'https:' ? https : http
      try {
        request = transport.request(
          url,
          {
            method,
            agent: false,
            lookup: pinnedLookup(address),
            headers: {
              ...headers,
              'user-agent': options.userAgent,
              'accept-encoding': 'gzip, deflate, br',
              ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
            },
          },
          (response) => {
            const status = response.statusCode ?? 0
            const responseHeaders = flattenHeaders(response.headers)
            if (REDIRECTS.has(status) && responseHeaders.location) {
              response.destroy()
              return done({ status, headers: responseHeaders, body: Buffer.alloc(0) })
            }
            const declared = Number(responseHeaders['content-length'])
            if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
              response.destroy()
              return fail(tooLarge(url))
            }
            const stream = decoded(response)
            const chunks: Buffer[] = []
            let size = 0
            stream.on('data', (chunk: Buffer) => {
              size += chunk.length
              if (size > options.maxResponseBytes) {
                stream.destroy()
                response.destroy()
                return fail(tooLarge(url))
              }
              chunks.push(chunk)
            })
            stream.on('end', () =>
              done({ status, headers: responseHeaders, body: Buffer.concat(chunks) })
            )
            stream.on('error', (error) => fail(new PartnerHttpError('network', error.message)))
            response.on('error', (error) => fail(new PartnerHttpError('network', error.message)))
          }
        )
      } catch (error) {
        return fail(new PartnerHttpError('bad_request', (error as Error).message))
      }
      request.on('error', (error) => fail(new PartnerHttpError('network', error.message)))
      if (body !== undefined) request.write(body)
      request.end()
    })
  }

  function tooLarge(url: URL) {
    return new PartnerHttpError(
      'too_large',
      `${url.host}: response larger than ${options.maxResponseBytes} bytes`
    )
  }

  async function guardedFetch(input: string, init: Parameters<PluginHttp['fetch']>[1] = {}) {
    let method = String(init.method ?? 'GET').toUpperCase() as Method
    if (!METHODS.has(method)) throw new PartnerHttpError('bad_request', `method ${method} refused`)
    const wanted = Number(init.timeoutMs ?? options.timeoutMs)
    const timeoutMs = Math.min(
      Number.isFinite(wanted) && wanted > 0 ? wanted : options.timeoutMs,
      options.maxTimeoutMs
    )
    const deadline = Date.now() + timeoutMs
    let url: URL
    try {
      url = new URL(String(input))
    } catch {
      throw new PartnerHttpError('bad_request', 'not a URL')
    }
    let headers = cleanHeaders(init.headers)
    let body = init.body === undefined ? undefined : String(init.body)
    if (body !== undefined && method !== 'POST') {
      throw new PartnerHttpError('bad_request', `a ${method} request has no body`)
    }
    if (body !== undefined && Buffer.byteLength(body) > options.maxRequestBytes) {
      throw new PartnerHttpError('bad_request', 'request body too large')
    }

    for (let redirects = 0; ; redirects++) {
      if (!isRequestAllowed(options.rules, method, url.href)) {
        throw new PartnerHttpError(
          'not_allowed',
          `${method} ${url.origin}${url.pathname} is not in the plugin's network rules`
        )
      }
      const address = await addressOf(url, deadline)
      const response = await exchange(url, method, headers, body, address, deadline)
      if (!(REDIRECTS.has(response.status) && response.headers.location)) {
        const text = response.body.toString('utf8')
        return {
          status: response.status,
          headers: response.headers,
          text: async () => text,
          json: async <T = unknown>() => JSON.parse(text) as T,
        }
      }
      if (redirects >= options.maxRedirects) {
        throw new PartnerHttpError(
          'too_many_redirects',
          `more than ${options.maxRedirects} redirects`
        )
      }
      let next: URL
      try {
        next = new URL(response.headers.location, url)
      } catch {
        throw new PartnerHttpError('network', 'redirect to an invalid URL')
      }
      if (response.status === 303 || (method === 'POST' && response.status <= 302)) {
        method = 'GET'
        body = undefined
        delete headers['content-type']
      }
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => CROSS_ORIGIN_HEADERS.has(name))
        )
      }
      url = next
    }
  }

  return {
    async fetch(input, init) {
      try {
        return await guardedFetch(input, init)
      } catch (error) {
        if (
          error instanceof PartnerHttpError &&
          ['not_allowed', 'forbidden_address', 'bad_request'].includes(error.code)
        ) {
          options.onRefusal?.(error, String(input).slice(0, 300))
        }
        throw error
      }
    },
  }
}
