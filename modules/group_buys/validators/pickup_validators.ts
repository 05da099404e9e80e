import vine from '@vinejs/vine'

/** One tick of the pickup list: which box, and whether it is now ticked ("1") or not ("0"). */
export const pickupTickValidator = vine.create({
  pickup_mark: vine.enum(['collected', 'paid'] as const),
  pickup_done: vine.boolean(),
})
