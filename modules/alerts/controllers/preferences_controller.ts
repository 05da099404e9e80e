import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { SmsSender } from '#app/sms/index'
import { formatPhone } from '#app/sms/phone_numbers'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import { isVerified } from '#modules/verification/index'
import SavePreferences from '#modules/alerts/actions/save_preferences'
import { devicesOf, phoneOf, preferencesOf } from '#modules/alerts/queries/preferences'
import { SmsNotAvailableError } from '#modules/alerts/services/errors'
import { minutesOf, timeOf } from '#modules/alerts/services/paris_time'
import type { AlertPreferences } from '#modules/alerts/services/preferences'
import { PushSender } from '#modules/alerts/services/push/push_sender'
import { viewerId } from '#modules/alerts/services/pages'
import { CHANNELS, SEVERITIES, alertSettings } from '#modules/alerts/services/settings'
import { preferencesValidator } from '#modules/alerts/validators/alert_validators'

export const PREFERENCES_VIEW = 'alerts::pages/preferences'

/**
 * "My alerts": channels per severity, quiet hours, the mobile number
 * for SMS (verified by a code) and this resident's push devices.
 */
@inject()
export default class PreferencesController {
  constructor(private save: SavePreferences) {}

  async show(ctx: HttpContext) {
    return ctx.view.render(PREFERENCES_VIEW, await preferencesPageState(viewerId(ctx)))
  }

  async update(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const state = await preferencesPageState(userId)
    const data = await validateForm(ctx, preferencesValidator, PREFERENCES_VIEW, state)
    const quietStart = data.quiet_start ? minutesOf(data.quiet_start) : null
    const quietEnd = data.quiet_end ? minutesOf(data.quiet_end) : null
    if (quietStart !== null && quietStart === quietEnd) {
      throw pageRefusal({
        view: PREFERENCES_VIEW,
        state,
        status: 422,
        fieldErrors: { quiet_end: [ctx.i18n.t('alerts.errors.quiet_same')] },
      })
    }
    const channels = {} as AlertPreferences['channels']
    for (const channel of CHANNELS) {
      channels[channel] = {} as AlertPreferences['channels'][typeof channel]
      for (const severity of SEVERITIES) {
        channels[channel][severity] = Boolean(data[`${channel}_${severity}`])
      }
    }
    try {
      await this.save.execute(userId, { channels, quietStart, quietEnd })
    } catch (error) {
      if (error instanceof SmsNotAvailableError) {
        throw pageRefusal({
          view: PREFERENCES_VIEW,
          state,
          status: 422,
          fieldErrors: { sms_critical: [ctx.i18n.t(`alerts.errors.sms_${error.why}`)] },
        })
      }
      throw error
    }
    ctx.session.flash('success', 'alerts.flash.preferences_saved')
    return ctx.response.redirect().toRoute('alerts.preferences.show')
  }
}

/** Everything the preferences page shows (also rendered again by the phone forms). */
export async function preferencesPageState(userId: number) {
  const [preferences, phone, devices, verified, sms, push] = await Promise.all([
    preferencesOf(userId),
    phoneOf(userId),
    devicesOf(userId),
    isVerified(userId),
    app.container.make(SmsSender),
    app.container.make(PushSender),
  ])
  return {
    preferences,
    channels: CHANNELS,
    severities: SEVERITIES,
    quietStart: preferences.quietStart === null ? '' : timeOf(preferences.quietStart),
    quietEnd: preferences.quietEnd === null ? '' : timeOf(preferences.quietEnd),
    phone: phone ? { ...phone, shown: formatPhone(phone.phone) } : null,
    devices,
    verified,
    smsAvailable: sms.enabled,
    smsReady: sms.enabled && verified && Boolean(phone?.verified),
    push: { enabled: push.enabled, publicKey: push.publicKey },
    codeMinutes: alertSettings.sms.codeTtlMinutes,
  }
}
