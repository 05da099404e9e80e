import vine from '@vinejs/vine'

export const placeHomeValidator = vine.create({
  address_label: vine.string().trim().minLength(3).maxLength(200),
  latitude: vine.number().min(-90).max(90),
  longitude: vine.number().min(-180).max(180),
  placement: vine.enum(['geocoder', 'map_pin'] as const),
  street: vine.string().trim().maxLength(120).optional(),
})
