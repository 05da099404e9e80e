import vine from '@vinejs/vine'

/** The erasure form: the password again, and the confirmation word typed out. */
export const eraseValidator = vine.create({
  password: vine.string().maxLength(512),
  confirmation: vine.string().trim().maxLength(40),
})
