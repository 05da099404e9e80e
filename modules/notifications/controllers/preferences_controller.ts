import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import SavePreferences from '#modules/notifications/actions/save_preferences'
import {
  DIGEST_FREQUENCIES,
  digestFrequency,
  emailChoices,
} from '#modules/notifications/services/preferences'
import { notificationTypes } from '#modules/notifications/services/types'
import { preferencesValidator } from '#modules/notifications/validators/notification_validators'

export const PREFERENCES_VIEW = 'notifications::pages/preferences'

/** Per type: in the centre always, by e-mail unless turned off. */
export async function preferencesPageState(userId: number) {
  const [choices, digest] = await Promise.all([emailChoices(userId), digestFrequency(userId)])
  const types = notificationTypes()
    .map((type) => ({
      type: type.type,
      labelKey: type.labelKey,
      /** Kept by the module itself (alerts): a link to its page instead of a checkbox. */
      elsewhere: type.preferencesRoute ?? null,
      email: choices.get(type.type) ?? type.emailByDefault,
    }))
    .sort((a, b) => a.type.localeCompare(b.type))
  return { types, digest, frequencies: DIGEST_FREQUENCIES }
}

export default class PreferencesController {
  async show(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    return ctx.view.render(PREFERENCES_VIEW, await preferencesPageState(userId))
  }

  async update(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const state = await preferencesPageState(userId)
    const data = await validateForm(ctx, preferencesValidator, PREFERENCES_VIEW, state)
    await new SavePreferences().execute(userId, {
      digest: data.digest_frequency,
      emailOn: new Set(data.email ?? []),
    })
    ctx.session.flash('success', 'notifications.flash.preferences_saved')
    return ctx.response.redirect().toRoute('notifications.preferences.show')
  }
}
