import vine from '@vinejs/vine'

/** GET /operators/verification/residents?q=camille */
export const residentSearchValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
})

/** The resident is told this reason: it must say something. */
export const revocationValidator = vine.create({
  revoke_reason: vine.string().trim().minLength(10).maxLength(500),
})
