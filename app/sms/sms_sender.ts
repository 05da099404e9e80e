/**
 * Sends a text message. An abstract class so that it is a container key:
 * the app binds the configured driver (app/sms/index.ts) and tests swap it
 * (`app.container.swap(SmsSender, () => ...)`). Cross-cutting: invitations
 * (neighbourhoods) and alerts both send through it.
 */
export interface SmsMessage {
  /** E.164, e.g. +33612345678. */
  to: string
  body: string
  /**
   * Where the provider posts delivery receipts for this message (an
   * absolute URL of this site); drivers without receipts ignore it.
   */
  statusCallback?: string
}

export interface SmsReceipt {
  /** The provider's message id (Twilio's SM...), for delivery receipts. */
  id: string
}

export abstract class SmsSender {
  /** False when SMS are switched off on this site (SMS_DRIVER=none). */
  readonly enabled: boolean = true

  /**
   * Resolves once the provider accepted the message; throws
   * SmsDeliveryError when it refused it or could not be reached.
   */
  abstract send(message: SmsMessage): Promise<SmsReceipt>

  /**
   * Whether a delivery receipt posted to `url` with these form `params`
   * really comes from the provider (its signature header). Drivers without
   * receipts accept none.
   */
  async isAuthenticReceipt(
    _url: string,
    _params: Record<string, string>,
    _signature: string
  ): Promise<boolean> {
    return false
  }
}

export class SmsDeliveryError extends Error {
  /** The provider's HTTP status, when it answered (none: it could not be reached). */
  status?: number
  /** How long the provider asked us to wait before trying again (429 Retry-After). */
  retryAfterMs?: number
  /**
   * Worth trying again later: the provider was unreachable, overloaded
   * (5xx) or rate-limiting us (429). A 4xx is a refusal (bad number,
   * unsubscribed recipient): sending again would fail the same way.
   */
  transient: boolean

  constructor(
    reason: string,
    /** The provider's error code, when it gave one (Twilio: 21211 = invalid number...). */
    public providerCode?: string | number,
    details: { status?: number; retryAfterMs?: number; transient?: boolean } = {}
  ) {
    super(`The SMS could not be sent: ${reason}`)
    this.status = details.status
    this.retryAfterMs = details.retryAfterMs
    this.transient =
      details.transient ??
      (details.status === undefined || details.status === 429 || details.status >= 500)
  }
}

/** SMS_DRIVER=none. */
export class DisabledSmsSender extends SmsSender {
  readonly enabled = false

  async send(): Promise<SmsReceipt> {
    throw new SmsDeliveryError('SMS are switched off on this site (SMS_DRIVER=none)', undefined, {
      transient: false,
    })
  }
}
