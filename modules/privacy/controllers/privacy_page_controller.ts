import type { HttpContext } from '@adonisjs/core/http'

/** The public privacy page, and the goodbye page after an erasure. */
export default class PrivacyPageController {
  async show({ view }: HttpContext) {
    return view.render('privacy::pages/privacy')
  }

  async goodbye({ view }: HttpContext) {
    return view.render('privacy::pages/goodbye')
  }
}
