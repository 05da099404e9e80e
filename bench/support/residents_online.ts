/*
| Residents with an open page, for bench:alerts: each signs in through the
| login form like a browser (own cookie jar, own client address through
| X-Forwarded-For, the app running with TRUST_PROXY=true, so the per-IP
| login limit applies per resident), loads the alerts page, asks which
| channel to listen to (GET /alerts/live), opens one Server-Sent Events
| stream and subscribes it to their inbox and their neighbourhood's
| alerts, as one tab of resources/js does. Each stream records when the
| alert arrived.
*/
import { request as httpRequest, type ClientRequest } from 'node:http'
import { randomUUID } from 'node:crypto'

export class Browser {
  readonly jar = new Map<string, string>()
  readonly baseUrl: string
  readonly ip: string
  csrfToken = ''

  /** No parameter properties: the benches run on Node's type stripping. */
  constructor(baseUrl: string, ip: string) {
    this.baseUrl = baseUrl
    this.ip = ip
  }

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      this.jar.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }

  async request(
    method: string,
    path: string,
    options: { body?: string; headers?: Record<string, string> } = {}
  ): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        'x-forwarded-for': this.ip,
        'cookie': this.cookie,
        'accept': 'text/html',
        ...options.headers,
      },
      body: options.body,
    })
    this.keep(response)
    const text = await response.text()
    const token = /name="csrf-token" content="([^"]+)"/.exec(text)?.[1]
    if (token) this.csrfToken = token
    return { status: response.status, text, location: response.headers.get('location') }
  }

  /** Posts a form with the CSRF token of the last page, like the browser does. */
  submit(path: string, fields: Record<string, string>) {
    return this.request('POST', path, {
      body: new URLSearchParams({ _csrf: this.csrfToken, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.request('GET', '/login')
    const login = await this.submit('/login', { email, password })
    if (login.status !== 302 || login.location?.includes('/login')) {
      throw new Error(`signing in as ${email} failed (${login.status})`)
    }
  }
}

export interface LiveStream {
  userId: number
  /** performance.now() when the alert arrived, null until then. */
  arrivedAt: number | null
  alertIds: number[]
  close(): void
}

/**
 * One tab: the alerts page, its channel, one SSE stream subscribed to the
 * inbox and the alerts channel. Resolves once both subscriptions answered 204.
 */
export async function openTab(browser: Browser, userId: number): Promise<LiveStream> {
  const page = await browser.request('GET', '/alerts')
  if (page.status !== 200) throw new Error(`GET /alerts answered ${page.status}`)
  const live = await browser.request('GET', '/alerts/live', {
    headers: { accept: 'application/json' },
  })
  const { channel } = JSON.parse(live.text) as { channel: string | null }
  if (!channel) throw new Error(`resident ${userId} has no alerts channel`)

  const uid = randomUUID()
  const stream: LiveStream = { userId, arrivedAt: null, alertIds: [], close: () => {} }
  let clientRequest: ClientRequest | null = null
  await new Promise<void>((resolve, reject) => {
    clientRequest = httpRequest(
      `${browser.baseUrl}/__transmit/events?uid=${uid}`,
      {
        agent: false,
        headers: {
          'accept': 'text/event-stream',
          'cookie': browser.cookie,
          'x-forwarded-for': browser.ip,
        },
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`the event stream answered ${response.statusCode}`))
          response.resume()
          return
        }
        let buffer = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          buffer += chunk
          let end = buffer.indexOf('\n\n')
          while (end >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            end = buffer.indexOf('\n\n')
            const data = block
              .split('\n')
              .find((line) => line.startsWith('data: '))
              ?.slice(6)
            if (!data) continue
            const event = JSON.parse(data) as { channel?: string; payload?: any }
            if (event.channel === channel && event.payload?.kind === 'alert.raised') {
              stream.arrivedAt ??= performance.now()
              stream.alertIds.push(Number(event.payload.id))
            }
          }
        })
        response.on('error', () => {})
        resolve()
      }
    )
    clientRequest.on('error', (error) => {
      if (stream.arrivedAt === null) reject(error)
    })
    clientRequest.end()
  })
  stream.close = () => clientRequest?.destroy()

  for (const name of [`users/${userId}/inbox`, channel]) {
    const subscribed = await browser.request('POST', '/__transmit/subscribe', {
      body: JSON.stringify({ uid, channel: name }),
      headers: {
        'content-type': 'application/json',
        'accept': 'application/json',
        'x-csrf-token': browser.csrfToken,
      },
    })
    if (subscribed.status !== 204) {
      stream.close()
      throw new Error(`subscribing to ${name} answered ${subscribed.status}`)
    }
  }
  return stream
}

/** Runs `task` over `items`, at most `limit` at a time. */
export async function eachWithConcurrency<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>
): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      await task(items[index], index)
    }
  })
  await Promise.all(workers)
}

/** A distinct private client address for the n-th resident (10.x.y.z). */
export function clientIp(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}
