import vine from '@vinejs/vine'
import * as fields from '#modules/accounts/validators/fields'

export const profileValidator = vine.create({
  display_name: fields.displayName(),
  locale: fields.locale(),
})

export const changeEmailValidator = vine.create({
  current_password: fields.currentPassword(),
  new_email: fields.email(),
})

/** Field names differ from the e-mail form's: both forms share one page. */
export const changePasswordValidator = vine.create({
  old_password: fields.currentPassword(),
  new_password: fields.newPassword(),
})
