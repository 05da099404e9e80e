import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import User from '#modules/accounts/models/user'
import {
  PROFILE_PHOTO,
  prepareProfilePhoto,
  profilePhotoStorage,
} from '#modules/accounts/services/profile_photos'
import { visibilityValidator } from '#modules/accounts/validators/visibility_validator'

const VIEW = 'accounts::pages/profile'

/** Profile visibility settings and the profile photo of the signed-in resident. */
export default class ProfileVisibilityController {
  async update(ctx: HttpContext) {
    const data = await validateForm(ctx, visibilityValidator, VIEW)
    const user = ctx.auth.getUserOrFail() as User
    await User.query().where('id', user.id).update({
      street_visibility: data.street_visibility,
      photo_visibility: data.photo_visibility,
      updated_at: new Date(),
    })
    ctx.session.flash('success', 'accounts.flash.visibility_saved')
    return ctx.response.redirect().toRoute('accounts.profile.show')
  }

  async uploadPhoto(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail() as User
    const file = ctx.request.file('photo', { size: `${PROFILE_PHOTO.maxMb}mb` })
    const refuse = (reason: string) =>
      new FormError({
        view: VIEW,
        fieldErrors: {
          photo: [ctx.i18n.t(`accounts.photo.errors.${reason}`, { max: PROFILE_PHOTO.maxMb })],
        },
      })
    if (!file || file.size === 0) throw refuse('missing')
    if (!file.isValid || !file.tmpPath) throw refuse('photo_too_heavy')
    let prepared: Awaited<ReturnType<typeof prepareProfilePhoto>>
    try {
      prepared = await prepareProfilePhoto(await readFile(file.tmpPath))
    } finally {
      /** The original may carry where it was taken: never kept. */
      await import('node:fs/promises').then((fs) => fs.rm(file.tmpPath!, { force: true }))
    }
    if (typeof prepared === 'string') throw refuse(prepared)
    const key = profilePhotoStorage.newKey(prepared.extension)
    await profilePhotoStorage.put(key, prepared.bytes)
    const previous = await db.transaction(async (trx) => {
      const row = await trx.from('users').where('id', user.id).forUpdate().first()
      await trx
        .from('users')
        .where('id', user.id)
        .update({ photo_key: key, photo_type: prepared.contentType, updated_at: new Date() })
      return (row?.photo_key as string | null) ?? null
    })
    if (previous) await profilePhotoStorage.removeQuietly(previous)
    ctx.session.flash('success', 'accounts.flash.photo_saved')
    return ctx.response.redirect().toRoute('accounts.profile.show')
  }

  async deletePhoto(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail() as User
    const previous = await db.transaction(async (trx) => {
      const row = await trx.from('users').where('id', user.id).forUpdate().first()
      await trx
        .from('users')
        .where('id', user.id)
        .update({ photo_key: null, photo_type: null, updated_at: new Date() })
      return (row?.photo_key as string | null) ?? null
    })
    if (previous) await profilePhotoStorage.removeQuietly(previous)
    ctx.session.flash('success', 'accounts.flash.photo_deleted')
    return ctx.response.redirect().toRoute('accounts.profile.show')
  }
}
