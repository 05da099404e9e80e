import { Agent } from 'node:https'
import {
  PushDeliveryError,
  PushSender,
  type PushOptions,
  type PushTarget,
} from '#modules/alerts/services/push/push_sender'
import { retryAfterMs } from '#app/sms/twilio_sms_sender'

export interface VapidOptions {
  publicKey: string
  privateKey: string
  /** mailto: or https: URL, so that push services can reach whoever runs the site. */
  subject: string
  timeoutMs?: number
}

type WebPush = typeof import('web-push')

/** Loaded on first use, once (a dynamic import per message costs a module resolution each). */
let loading: Promise<WebPush> | null = null
const webPush = () => (loading ??= import('web-push').then((module) => module.default))

/**
 * A VAPID token is valid for hours (web-push signs it for 12): one per
 * push service, renewed every hour, instead of an ECDSA signature per message.
 */
const VAPID_TOKEN_REUSE_MS = 3600_000

/**
 * The Web Push protocol (RFC 8030) with VAPID (RFC 8292) and payload
 * encryption (RFC 8291), through the `web-push` library. The push service
 * answers 201 when it accepted the message. Connections to each push
 * service are kept open between messages (a fan-out sends thousands to
 * the same few hosts: no TLS handshake each).
 */
export class WebPushSender extends PushSender {
  readonly publicKey: string
  #options: VapidOptions
  #agent = new Agent({ keepAlive: true, maxSockets: 64 })
  #vapidHeaders = new Map<string, { authorization: string; until: number }>()

  constructor(options: VapidOptions) {
    super()
    this.#options = options
    this.publicKey = options.publicKey
  }

  private authorization(library: WebPush, endpoint: string): string {
    const audience = new URL(endpoint).origin
    const now = Date.now()
    const cached = this.#vapidHeaders.get(audience)
    if (cached && cached.until > now) return cached.authorization
    const { Authorization } = library.getVapidHeaders(
      audience,
      this.#options.subject,
      this.#options.publicKey,
      this.#options.privateKey,
      'aes128gcm'
    ) as { Authorization: string }
    this.#vapidHeaders.set(audience, {
      authorization: Authorization,
      until: now + VAPID_TOKEN_REUSE_MS,
    })
    return Authorization
  }

  async send(target: PushTarget, payload: string, options: PushOptions): Promise<void> {
    const library = await webPush()
    try {
      await library.sendNotification(target, payload, {
        /** No vapidDetails: the Authorization header above is the VAPID one, signed once an hour. */
        headers: { Authorization: this.authorization(library, target.endpoint) },
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        topic: options.topic,
        timeout: this.#options.timeoutMs ?? 10_000,
        agent: this.#agent,
      })
    } catch (error) {
      const details = error as { statusCode?: number; headers?: Record<string, string> }
      if (details.statusCode) {
        throw new PushDeliveryError(
          `the push service answered ${details.statusCode}`,
          details.statusCode,
          details.statusCode === 429 ? retryAfterMs(details.headers?.['retry-after']) : undefined
        )
      }
      const message = (error as Error)?.message ?? 'unknown error'
      throw new PushDeliveryError(`the push service could not be reached (${message})`)
    }
  }
}
