/**
 * Sends a web push message to one browser. An abstract class so that it
 * is a container key: the provider binds WebPushSender (VAPID keys from
 * the environment) or DisabledPushSender; tests swap in their own keys.
 */
export interface PushTarget {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export interface PushOptions {
  /** How long the push service keeps the message for an offline device. */
  ttlSeconds: number
  urgency: 'very-low' | 'low' | 'normal' | 'high'
  /** Replaces an undelivered message with the same topic (a retried alert shows once). */
  topic?: string
}

export abstract class PushSender {
  /** False when the site has no VAPID keys: no device can subscribe. */
  readonly enabled: boolean = true
  /** The VAPID public key browsers subscribe with (applicationServerKey). */
  abstract readonly publicKey: string

  /** Resolves once the push service accepted the message (201); throws PushDeliveryError. */
  abstract send(target: PushTarget, payload: string, options: PushOptions): Promise<void>
}

export class PushDeliveryError extends Error {
  constructor(
    reason: string,
    /** The push service's status; undefined when it could not be reached. */
    public status?: number,
    /** 429 Retry-After, in milliseconds. */
    public retryAfterMs?: number
  ) {
    super(`The push message could not be sent: ${reason}`)
  }

  /** 404/410: the browser unsubscribed or the subscription expired; forget it. */
  get gone(): boolean {
    return this.status === 404 || this.status === 410
  }

  /** Unreachable, overloaded (5xx) or rate-limiting (429): try again later. */
  get transient(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500
  }
}

export class DisabledPushSender extends PushSender {
  readonly enabled = false
  readonly publicKey = ''

  async send(): Promise<void> {
    throw new PushDeliveryError('web push is off on this site (no VAPID keys)', 503)
  }
}
