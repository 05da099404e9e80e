import type { ApplicationService } from '@adonisjs/core/types'
import type smsConfigType from '#config/sms'
import { DisabledSmsSender, SmsSender, SmsDeliveryError } from '#app/sms/sms_sender'

export { SmsSender, SmsDeliveryError, DisabledSmsSender }
export type { SmsMessage, SmsReceipt } from '#app/sms/sms_sender'

/** The sender config/sms.ts asks for (drivers are loaded on demand). */
export async function createSmsSender(config: typeof smsConfigType): Promise<SmsSender> {
  switch (config.driver) {
    case 'twilio': {
      const { TwilioSmsSender } = await import('#app/sms/twilio_sms_sender')
      /** TWILIO_API_BASE_URL: a local stand-in for Twilio (bench/alerts.ts), unset in production. */
      const { default: env } = await import('#start/env')
      return new TwilioSmsSender({
        ...config.twilio,
        apiBaseUrl: env.get('TWILIO_API_BASE_URL') || undefined,
      })
    }
    case 'log': {
      const { LogSmsSender } = await import('#app/sms/log_sms_sender')
      return new LogSmsSender(config.logPath)
    }
    case 'none':
      return new DisabledSmsSender()
  }
}

/**
 * Binds SmsSender to the configured driver, once, lazily: nothing is read
 * or loaded until a page first needs to send. Tests replace it with
 * `app.container.swap(SmsSender, () => fake)` and `restore(SmsSender)`.
 */
export function registerSmsSender(app: ApplicationService) {
  if (app.container.hasBinding(SmsSender)) return
  app.container.singleton(SmsSender, async () => {
    const { default: smsConfig } = await import('#config/sms')
    return createSmsSender(smsConfig)
  })
}
