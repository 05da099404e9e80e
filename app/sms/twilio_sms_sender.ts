import type { RequestClient, Twilio } from 'twilio'
import { SmsDeliveryError, SmsSender, type SmsMessage, type SmsReceipt } from '#app/sms/sms_sender'

export interface TwilioOptions {
  accountSid: string
  authToken: string
  /** A number in E.164 form, a Messaging Service SID (MG...) or an alphanumeric sender ID. */
  from: string
  timeoutMs?: number
  /**
   * Another origin than https://api.twilio.com for the API calls (a local
   * stand-in for benchmarks: bench/alerts.ts). The path stays Twilio's.
   */
  apiBaseUrl?: string
}

/** Seconds ("120") or an HTTP date, as Retry-After carries them; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Twilio's HTTP client sending every call to `baseUrl`'s origin instead
 * (same path and query), so a local stand-in can play Twilio.
 */
function redirectedClient(
  Client: typeof RequestClient,
  baseUrl: string,
  timeout: number
): RequestClient {
  const origin = new URL(baseUrl)
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new Error(`TWILIO_API_BASE_URL must be an http(s) URL, got "${baseUrl}"`)
  }
  const client = new Client({ timeout })
  const send = client.request.bind(client)
  client.request = ((opts: Parameters<RequestClient['request']>[0]) => {
    const target = new URL(opts.uri)
    target.protocol = origin.protocol
    target.host = origin.host
    return send({ ...opts, uri: target.href })
  }) as RequestClient['request']
  return client
}

/**
 * Twilio's Programmable Messaging: POST /2010-04-01/Accounts/{sid}/Messages.json
 * with To, From (or MessagingServiceSid), Body and an optional
 * StatusCallback, through the official client (loaded on first use).
 * Receipts posted back are authenticated with the account's auth token
 * (X-Twilio-Signature).
 */
export class TwilioSmsSender extends SmsSender {
  #client?: Twilio

  constructor(private options: TwilioOptions) {
    super()
  }

  private async client(): Promise<Twilio> {
    if (!this.#client) {
      const { default: twilio } = await import('twilio')
      const timeout = this.options.timeoutMs ?? 10_000
      this.#client = twilio(this.options.accountSid, this.options.authToken, {
        timeout,
        autoRetry: false,
        ...(this.options.apiBaseUrl
          ? { httpClient: redirectedClient(twilio.RequestClient, this.options.apiBaseUrl, timeout) }
          : {}),
      })
    }
    return this.#client
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const client = await this.client()
    const from = this.options.from
    const sender = /^MG[0-9a-f]{32}$/i.test(from) ? { messagingServiceSid: from } : { from }
    const callback = message.statusCallback ? { statusCallback: message.statusCallback } : {}
    try {
      const sent = await client.messages.create({
        ...sender,
        ...callback,
        to: message.to,
        body: message.body,
      })
      return { id: sent.sid }
    } catch (error) {
      const details = error as { status?: number; code?: number; message?: string }
      const reason = details.status
        ? `Twilio answered ${details.status}${details.code ? ` (error ${details.code})` : ''}`
        : `Twilio could not be reached (${details.message ?? 'unknown error'})`
      throw new SmsDeliveryError(reason, details.code, {
        status: details.status,
        retryAfterMs: details.status === 429 ? this.lastRetryAfter(client) : undefined,
      })
    }
  }

  /**
   * The client's errors drop the response headers; its last response
   * keeps them. Another send may have answered in between: any 429 of
   * this account at that moment says the same thing.
   */
  private lastRetryAfter(client: Twilio): number | undefined {
    const last = (
      client.httpClient as { lastResponse?: { statusCode?: number; headers?: any } } | undefined
    )?.lastResponse
    if (last?.statusCode !== 429) return undefined
    return retryAfterMs(last.headers?.['retry-after'])
  }

  async isAuthenticReceipt(
    url: string,
    params: Record<string, string>,
    signature: string
  ): Promise<boolean> {
    if (!signature) return false
    const { default: twilio } = await import('twilio')
    return twilio.validateRequest(this.options.authToken, signature, url, params)
  }
}
