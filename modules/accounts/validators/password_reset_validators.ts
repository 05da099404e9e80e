import vine from '@vinejs/vine'
import * as fields from '#modules/accounts/validators/fields'

export const forgotPasswordValidator = vine.create({
  email: fields.email(),
})

export const resetPasswordValidator = vine.create({
  password: fields.newPassword(),
})
