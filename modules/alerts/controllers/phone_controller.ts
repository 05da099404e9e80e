import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import ConfirmPhone from '#modules/alerts/actions/confirm_phone'
import RegisterPhone from '#modules/alerts/actions/register_phone'
import RemovePhone from '#modules/alerts/actions/remove_phone'
import {
  PREFERENCES_VIEW,
  preferencesPageState,
} from '#modules/alerts/controllers/preferences_controller'
import {
  CodeExpiredError,
  CodeTooSoonError,
  NoPendingCodeError,
  SmsNotAvailableError,
  SmsSendFailedError,
  WrongCodeError,
} from '#modules/alerts/services/errors'
import { viewerId } from '#modules/alerts/services/pages'
import { phoneCodeValidator, phoneValidator } from '#modules/alerts/validators/alert_validators'

/**
 * The mobile number SMS alerts go to: given (a code is texted to it),
 * confirmed with the code, or removed (SMS alerts off).
 */
@inject()
export default class PhoneController {
  constructor(
    private register: RegisterPhone,
    private confirm: ConfirmPhone,
    private remove: RemovePhone
  ) {}

  async store(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const state = await preferencesPageState(userId)
    const { phone_number: phone } = await validateForm(ctx, phoneValidator, PREFERENCES_VIEW, state)
    const t = (key: string, values?: Record<string, unknown>) =>
      ctx.i18n.t(`alerts.errors.${key}`, values)
    try {
      const outcome = await this.register.execute(userId, phone)
      ctx.session.flash(
        'success',
        outcome === 'code_sent' ? 'alerts.flash.code_sent' : 'alerts.flash.phone_already_verified'
      )
    } catch (error) {
      const field = (message: string, status = 422) =>
        pageRefusal({
          view: PREFERENCES_VIEW,
          state,
          status,
          fieldErrors: { phone_number: [message] },
        })
      if (error instanceof SmsNotAvailableError) throw field(t(`sms_${error.why}`), 409)
      if (error instanceof CodeTooSoonError) {
        throw field(t('code_too_soon', { seconds: error.seconds }), 429)
      }
      if (error instanceof SmsSendFailedError) throw field(t('code_not_sent'), 502)
      throw error
    }
    return ctx.response.redirect(`${urlFor('alerts.preferences.show')}#phone`)
  }

  async verify(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const state = await preferencesPageState(userId)
    const { phone_code: code } = await validateForm(
      ctx,
      phoneCodeValidator,
      PREFERENCES_VIEW,
      state
    )
    const t = (key: string, values?: Record<string, unknown>) =>
      ctx.i18n.t(`alerts.errors.${key}`, values)
    try {
      await this.confirm.execute(userId, code)
    } catch (error) {
      const field = async (message: string) =>
        pageRefusal({
          view: PREFERENCES_VIEW,
          state: await preferencesPageState(userId),
          status: 422,
          fieldErrors: { phone_code: [message] },
        })
      if (error instanceof WrongCodeError) {
        throw await field(t('code_wrong', { left: error.attemptsLeft }))
      }
      if (error instanceof CodeExpiredError) throw await field(t('code_expired'))
      if (error instanceof NoPendingCodeError) throw await field(t('code_none'))
      throw error
    }
    ctx.session.flash('success', 'alerts.flash.phone_verified')
    return ctx.response.redirect(`${urlFor('alerts.preferences.show')}#phone`)
  }

  async destroy(ctx: HttpContext) {
    await this.remove.execute(viewerId(ctx))
    ctx.session.flash('success', 'alerts.flash.phone_removed')
    return ctx.response.redirect().toRoute('alerts.preferences.show')
  }
}
