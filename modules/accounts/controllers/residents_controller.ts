import type { HttpContext } from '@adonisjs/core/http'
import { publicProfile, visiblePhoto } from '#modules/accounts/queries/public_profile'
import { profilePhotoStorage } from '#modules/accounts/services/profile_photos'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

/**
 * A resident's public page and photo, for residents of the same or a
 * nearby neighbourhood only (404 for anyone else: existence does not leak).
 */
export default class ResidentsController {
  async show(ctx: HttpContext) {
    const viewer = ctx.auth.getUserOrFail()
    const profile = await publicProfile(Number(viewer.id), idParam(ctx))
    if (!profile) return pageNotFound()
    return ctx.view.render('accounts::pages/resident', { profile })
  }

  async photo(ctx: HttpContext) {
    const viewer = ctx.auth.getUserOrFail()
    const photo = await visiblePhoto(Number(viewer.id), idParam(ctx))
    if (!photo) return pageNotFound()
    const bytes = await profilePhotoStorage.read(photo.key)
    ctx.response.header('Content-Type', photo.contentType)
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    return ctx.response.send(Buffer.from(bytes))
  }
}
