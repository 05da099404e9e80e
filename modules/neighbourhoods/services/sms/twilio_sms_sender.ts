import type { Twilio } from 'twilio'
import {
  SmsDeliveryError,
  SmsSender,
  type SmsMessage,
  type SmsReceipt,
} from '#modules/neighbourhoods/services/sms/sms_sender'

export interface TwilioOptions {
  accountSid: string
  authToken: string
  /** A number in E.164 form, a Messaging Service SID (MG...) or an alphanumeric sender ID. */
  from: string
  timeoutMs?: number
}

/**
 * Twilio's Programmable Messaging: POST /2010-04-01/Accounts/{sid}/Messages.json
 * with To, From (or MessagingServiceSid) and Body, through the official
 * client (loaded on first use).
 */
export class TwilioSmsSender extends SmsSender {
  #client?: Twilio

  constructor(private options: TwilioOptions) {
    super()
  }

  private async client(): Promise<Twilio> {
    if (!this.#client) {
      const { default: twilio } = await import('twilio')
      this.#client = twilio(this.options.accountSid, this.options.authToken, {
        timeout: this.options.timeoutMs ?? 10_000,
        autoRetry: false,
      })
    }
    return this.#client
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const client = await this.client()
    const from = this.options.from
    const sender = /^MG[0-9a-f]{32}$/i.test(from) ? { messagingServiceSid: from } : { from }
    try {
      const sent = await client.messages.create({ ...sender, to: message.to, body: message.body })
      return { id: sent.sid }
    } catch (error) {
      const details = error as { status?: number; code?: number; message?: string }
      const reason = details.status
        ? `Twilio answered ${details.status}${details.code ? ` (error ${details.code})` : ''}`
        : `Twilio could not be reached (${details.message ?? 'unknown error'})`
      throw new SmsDeliveryError(reason, details.code)
    }
  }
}
