import vine from '@vinejs/vine'
import { AMBASSADOR_AVAILABILITIES } from '#modules/neighbourhoods/models/ambassador_application'
import { KIT_ORDER_STATUSES } from '#modules/neighbourhoods/models/ambassador_kit_order'
import { ambassadorSettings } from '#modules/neighbourhoods/services/ambassadors/settings'

const { motivation, kitCaps } = ambassadorSettings

/** A French postcode: five digits, 01000 to 98999 (overseas included). */
const FRENCH_POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/

/** Field names are prefixed so that their messages in validator.json stay apart. */
export const applicationValidator = vine.create({
  motivation: vine.string().trim().minLength(motivation.min).maxLength(motivation.max),
  availability: vine.enum(AMBASSADOR_AVAILABILITIES),
})

export const rejectionValidator = vine.create({
  decision_note: vine.string().trim().maxLength(ambassadorSettings.decisionNoteMax).optional(),
})

/** An empty quantity means none; "at least one item" is checked by the action. */
const quantity = (max: number) => vine.number().withoutDecimals().min(0).max(max).optional()

export const kitOrderValidator = vine.create({
  flyers: quantity(kitCaps.flyers),
  stickers: quantity(kitCaps.stickers),
  posters: quantity(kitCaps.posters),
  delivery_name: vine.string().trim().minLength(2).maxLength(100),
  delivery_street: vine.string().trim().minLength(5).maxLength(200),
  delivery_postcode: vine.string().trim().regex(FRENCH_POSTCODE),
  delivery_town: vine.string().trim().minLength(2).maxLength(100),
  delivery_note: vine.string().trim().maxLength(ambassadorSettings.deliveryNoteMax).optional(),
})

/** GET /operators/kits?status=approved */
export const kitListQueryValidator = vine.create({
  status: vine.enum(KIT_ORDER_STATUSES).optional(),
})
