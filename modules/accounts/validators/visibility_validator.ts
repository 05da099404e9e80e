import vine from '@vinejs/vine'

/** Profile visibility settings (who sees my street, my photo). */
export const visibilityValidator = vine.create({
  street_visibility: vine.enum(['nobody', 'neighbourhood'] as const),
  photo_visibility: vine.enum(['nobody', 'neighbourhood', 'nearby'] as const),
})
