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

/**
 * The Web Push protocol (RFC 8030) with VAPID (RFC 8292) and payload
 * encryption (RFC 8291), through the `web-push` library (loaded on first
 * use). The push service answers 201 when it accepted the message.
 */
export class WebPushSender extends PushSender {
  readonly publicKey: string

  constructor(private options: VapidOptions) {
    super()
    this.publicKey = options.publicKey
  }

  async send(target: PushTarget, payload: string, options: PushOptions): Promise<void> {
    const { default: webpush } = await import('web-push')
    try {
      await webpush.sendNotification(target, payload, {
        vapidDetails: {
          subject: this.options.subject,
          publicKey: this.options.publicKey,
          privateKey: this.options.privateKey,
        },
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        topic: options.topic,
        timeout: this.options.timeoutMs ?? 10_000,
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
