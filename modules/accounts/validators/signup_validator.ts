import vine from '@vinejs/vine'
import * as fields from '#modules/accounts/validators/fields'

export const signupValidator = vine.create({
  display_name: fields.displayName(),
  email: fields.email().unique({ table: 'users', column: 'email' }),
  password: fields.newPassword(),
  home_address: fields.homeAddress(),
  terms: vine.accepted(),
})
