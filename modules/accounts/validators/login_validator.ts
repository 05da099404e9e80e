import vine from '@vinejs/vine'
import * as fields from '#modules/accounts/validators/fields'

export const loginValidator = vine.create({
  email: fields.email(),
  password: fields.currentPassword(),
  remember_me: vine.boolean().optional(),
})
