import vine from '@vinejs/vine'
import { SCOPES } from '#modules/neighbourhoods/index'
import { groupBuyLimits } from '#modules/group_buys/services/limits'
import { FULFILMENTS, UNITS } from '#modules/group_buys/services/settings'

const { title, product, description, supplierName, supplierContact, placeLabel, cancelReason } =
  groupBuyLimits

/** A calendar date as <input type="date"> sends it; read in Paris time afterwards. */
const day = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** An amount typed in a text field ("0,29", "12.5"); read into an integer afterwards. */
const amount = () => vine.string().trim().maxLength(30)

/** A tier row: a quantity and a price, both optional here (pairs are checked afterwards). */
const tierPart = () => amount().optional()

/**
 * The shape of the campaign form. Amounts are typed as text and read by
 * services/amounts.ts (no floats); dates against each other, the clock
 * and the tiers in services/campaign_form.ts.
 */
export const campaignFieldsValidator = vine.create({
  title: vine.string().trim().minLength(title.min).maxLength(title.max),
  product: vine.string().trim().minLength(product.min).maxLength(product.max),
  description: vine.string().trim().maxLength(description.max).optional(),
  unit: vine.enum(UNITS),
  supplier_name: vine.string().trim().minLength(supplierName.min).maxLength(supplierName.max),
  supplier_contact: vine.string().trim().maxLength(supplierContact.max).optional(),
  /** A verified shop of the organiser's (checked by services/supplier_shop.ts). */
  supplier_shop_id: vine.number().withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  base_price: amount(),
  /** Up to groupBuyLimits.maxTiers rows. */
  tier_quantity_1: tierPart(),
  tier_price_1: tierPart(),
  tier_quantity_2: tierPart(),
  tier_price_2: tierPart(),
  tier_quantity_3: tierPart(),
  tier_price_3: tierPart(),
  tier_quantity_4: tierPart(),
  tier_price_4: tierPart(),
  tier_quantity_5: tierPart(),
  tier_price_5: tierPart(),
  min_quantity: amount(),
  max_quantity: amount().optional(),
  household_max: amount().optional(),
  deadline_date: day(),
  deadline_time: vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/),
  fulfilment: vine.enum(FULFILMENTS),
  place_label: vine.string().trim().minLength(placeLabel.min).maxLength(placeLabel.max),
  window_starts_on: day(),
  window_ends_on: day(),
  scope: vine.enum(SCOPES),
})

/** A pledge: how much, in the campaign's unit ("12,5"). */
export const pledgeValidator = vine.create({
  quantity: amount(),
})

/** The organiser cancels, saying why (participants are told). */
export const cancelValidator = vine.create({
  reason: vine.string().trim().minLength(cancelReason.min).maxLength(cancelReason.max),
})
