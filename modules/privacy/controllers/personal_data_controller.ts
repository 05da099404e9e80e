import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import EraseAccount, { WrongErasurePasswordError } from '#modules/privacy/actions/erase_account'
import ExportPersonalData from '#modules/privacy/actions/export_personal_data'
import { eraseValidator } from '#modules/privacy/validators/erase_validator'

const VIEW = 'privacy::pages/personal_data'

/** The words that confirm an erasure, in either language. */
const CONFIRMATION_WORDS = ['effacer', 'erase']

/** "My data": download everything as JSON, or erase the account. */
export default class PersonalDataController {
  async show({ view }: HttpContext) {
    return view.render(VIEW)
  }

  async export(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const archive = await new ExportPersonalData().execute(userId)
    const date = archive.exportedAt.slice(0, 10)
    return ctx.response
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="quartier-export-${date}.json"`)
      .header('Cache-Control', 'private, no-store')
      .send(JSON.stringify(archive, null, 2))
  }

  async erase(ctx: HttpContext) {
    const data = await validateForm(ctx, eraseValidator, VIEW)
    if (!CONFIRMATION_WORDS.includes(data.confirmation.toLowerCase())) {
      throw new FormError({
        view: VIEW,
        fieldErrors: { confirmation: [ctx.i18n.t('privacy.erase.errors.confirmation')] },
      })
    }
    const userId = Number(ctx.auth.getUserOrFail().id)
    try {
      await new EraseAccount().execute(userId, data.password)
    } catch (error) {
      if (error instanceof WrongErasurePasswordError) {
        throw new FormError({
          view: VIEW,
          fieldErrors: { password: [ctx.i18n.t('privacy.erase.errors.password')] },
        })
      }
      throw error
    }
    await ctx.auth.use('web').logout()
    ctx.session.clear()
    return ctx.response.redirect().toRoute('privacy.goodbye')
  }
}
