import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { isSupportedLocale, rememberLocale } from '#app/i18n/locale'
import UpdateProfile from '#modules/accounts/actions/update_profile'
import type User from '#modules/accounts/models/user'
import { profileValidator } from '#modules/accounts/validators/profile_validators'

const VIEW = 'accounts::pages/profile'

@inject()
export default class ProfileController {
  constructor(private updateProfile: UpdateProfile) {}

  async show({ view }: HttpContext) {
    return view.render(VIEW)
  }

  async update(ctx: HttpContext) {
    const data = await validateForm(ctx, profileValidator, VIEW)
    const user = ctx.auth.getUserOrFail() as User
    await this.updateProfile.execute(user, {
      displayName: data.display_name,
      locale: data.locale,
    })
    if (isSupportedLocale(data.locale)) rememberLocale(ctx, data.locale)
    ctx.session.flash('success', 'profile_saved')
    return ctx.response.redirect().toRoute('accounts.profile.show')
  }
}
