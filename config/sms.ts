import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { StartupError } from '#app/startup_error'

export type SmsDriver = 'twilio' | 'log' | 'none'

/**
 * Text messages (invitations and alerts). Production sends through
 * Twilio; development appends them to storage/sms.log; `none` switches SMS
 * off (the pages then say SMS is not available on this site).
 */
const driver: SmsDriver = env.get('SMS_DRIVER') ?? (app.inProduction ? 'twilio' : 'log')

const twilio = {
  accountSid: env.get('TWILIO_ACCOUNT_SID') ?? '',
  authToken: env.get('TWILIO_AUTH_TOKEN')?.release() ?? '',
  /** A number in E.164 form, a Messaging Service SID (MG...) or an alphanumeric sender ID. */
  from: env.get('TWILIO_FROM') ?? '',
  /** A page waits at most this long for Twilio's answer. */
  timeoutMs: 10_000,
}

if (driver === 'twilio') {
  const missing = Object.entries({
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: twilio.from,
  })
    .filter(([, value]) => !value)
    .map(([name]) => name)
  if (missing.length > 0) {
    throw new StartupError(
      `SMS are sent through Twilio (SMS_DRIVER=twilio${env.get('SMS_DRIVER') ? '' : ', the default in production'}) but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      'Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (see "Configuration" in README.md),\nor set SMS_DRIVER=none to run without SMS.'
    )
  }
}

export default {
  driver,
  twilio,
  /** The `log` driver appends one JSON line per message here. */
  logPath: app.makePath('storage/sms.log'),
  /** SMS invitations a resident may send per rolling 24 hours. */
  dailyLimitPerResident: env.get('SMS_DAILY_LIMIT', 10),
}
