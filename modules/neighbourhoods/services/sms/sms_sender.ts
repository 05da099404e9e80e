/**
 * Sends a text message. An abstract class so that it is a container key:
 * the app binds the configured driver (services/sms/index.ts) and tests
 * swap it (`app.container.swap(SmsSender, () => ...)`).
 */
export interface SmsMessage {
  /** E.164, e.g. +33612345678. */
  to: string
  body: string
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
}

export class SmsDeliveryError extends Error {
  constructor(
    reason: string,
    /** The provider's error code, when it gave one (Twilio: 21211 = invalid number...). */
    public providerCode?: string | number
  ) {
    super(`The SMS could not be sent: ${reason}`)
  }
}

/** SMS_DRIVER=none. */
export class DisabledSmsSender extends SmsSender {
  readonly enabled = false

  async send(): Promise<SmsReceipt> {
    throw new SmsDeliveryError('SMS are switched off on this site (SMS_DRIVER=none)')
  }
}
