import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { SmsSender } from '#app/sms/index'
import RecordSmsReceipt from '#modules/alerts/actions/record_sms_receipt'
import { smsReceiptsUrl } from '#modules/alerts/services/channels/sms_channel'

const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i
const STATUS = /^[a-z_]{2,20}$/

/**
 * Twilio's status callbacks for alert SMS. No session, no CSRF token
 * (exempted in config/shield.ts): the X-Twilio-Signature header, an HMAC
 * of the public URL (APP_URL) and the posted parameters keyed with the
 * account's auth token, is the only proof. A bad or missing signature
 * answers 403 and changes nothing.
 */
export default class TwilioReceiptsController {
  async store(ctx: HttpContext) {
    const params = Object.fromEntries(new URLSearchParams(ctx.request.raw() ?? ''))
    const signature = ctx.request.header('x-twilio-signature') ?? ''
    const sender = await ctx.containerResolver.make(SmsSender)
    if (!(await sender.isAuthenticReceipt(smsReceiptsUrl(), params, signature))) {
      logger.warn('Twilio status callback with a bad signature refused')
      return ctx.response.status(403).send({ message: ctx.i18n.t('errors.forbidden') })
    }
    const messageId = params.MessageSid ?? params.SmsSid ?? ''
    const status = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase()
    if (!MESSAGE_SID.test(messageId) || !STATUS.test(status)) {
      return ctx.response.status(422).send({ message: ctx.i18n.t('errors.form_invalid') })
    }
    const errorCode = /^\d{1,10}$/.test(params.ErrorCode ?? '') ? params.ErrorCode : null
    await new RecordSmsReceipt().execute({ messageId, status, errorCode })
    return ctx.response.noContent()
  }
}
