import { errors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { Scope } from '#modules/neighbourhoods/index'
import { parseEuros, parseQuantity } from '#modules/group_buys/services/amounts'
import { groupBuyLimits } from '#modules/group_buys/services/limits'
import {
  addDays,
  isDay,
  parisDay,
  parisMoment,
  parisToday,
} from '#modules/group_buys/services/paris_time'
import { formatCents, type PriceTier } from '#modules/group_buys/services/pricing'
import type { Fulfilment, Unit } from '#modules/group_buys/services/settings'
import { campaignFieldsValidator } from '#modules/group_buys/validators/group_buy_validators'

/** What the organiser describes: everything a campaign holds before it opens. */
export interface CampaignInput {
  title: string
  product: string
  description: string
  unit: Unit
  supplierName: string
  supplierContact: string
  /** A verified shop of the organiser's named as supplier, or null. */
  supplierShopId?: number | null
  baseUnitPriceCents: number
  /** Ordered by quantity, each cheaper than the one before and than the base price. */
  tiers: PriceTier[]
  minTotalMilli: number
  maxTotalMilli: number | null
  householdMaxMilli: number | null
  deadline: Date
  fulfilment: Fulfilment
  placeLabel: string
  windowStartsOn: string
  windowEndsOn: string
  scope: Scope
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/

export type FieldErrors = Record<string, string[]>

/** The prefix of the form's messages and field names (group_buys.json, not the shared file). */
export const VALIDATOR_MESSAGES = 'group_buys.validator'

/** The VineJS messages of a failed validation, by field. */
export function validationErrors(error: unknown): FieldErrors | null {
  if (!(error instanceof errors.E_VALIDATION_ERROR)) return null
  const fieldErrors: FieldErrors = {}
  for (const item of error.messages as { field: string; message: string }[]) {
    ;(fieldErrors[item.field] ??= []).push(item.message)
  }
  return fieldErrors
}

/**
 * Reads the campaign form (creating or editing a draft): VineJS for the
 * shape of each field, then the amounts (typed euros and units, read
 * into cents and milli-units exactly), the tiers, and the dates against
 * each other and the clock (Paris time). Every problem is collected so
 * that the form comes back once with all its messages.
 */
export async function readCampaignForm(
  raw: Record<string, unknown>,
  i18n: I18n,
  now: Date = new Date()
): Promise<{ input: CampaignInput | null; fieldErrors: FieldErrors }> {
  let fieldErrors: FieldErrors = {}
  let fields: Awaited<ReturnType<typeof campaignFieldsValidator.validate>> | null = null
  try {
    fields = await campaignFieldsValidator.validate(raw, {
      messagesProvider: i18n.createMessagesProvider(VALIDATOR_MESSAGES),
    })
  } catch (error) {
    const found = validationErrors(error)
    if (!found) throw error
    fieldErrors = found
  }
  const add = (field: string, key: string, values: Record<string, string | number> = {}) => {
    if (fieldErrors[field]) return
    fieldErrors[field] = [i18n.t(`group_buys.form_errors.${key}`, values)]
  }
  /** Checked even when other fields failed, so the form comes back once with every message. */
  const text = (key: string) => {
    const value = raw[key]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  const maxEuros = formatCents(groupBuyLimits.maxPriceCents, i18n.locale)

  const price = (field: string) => {
    const cents = parseEuros(text(field))
    if (cents === undefined || cents === 0) add(field, 'price', { max: maxEuros })
    return cents ?? null
  }
  const quantity = (field: string) => {
    const milli = parseQuantity(text(field))
    if (milli === undefined || milli === 0) add(field, 'quantity')
    return milli ?? null
  }

  const base = text('base_price') === null ? null : price('base_price')
  const minimum = text('min_quantity') === null ? null : quantity('min_quantity')
  const maximum = quantity('max_quantity')
  const household = quantity('household_max')
  if (minimum && maximum && maximum < minimum) add('max_quantity', 'max_below_min')
  if (household && maximum && household > maximum) add('household_max', 'household_above_max')

  /** Tiers: complete rows only, cheaper than the base, cheaper as the quantity grows. */
  const tiers: (PriceTier & { row: number })[] = []
  for (let row = 1; row <= groupBuyLimits.maxTiers; row++) {
    const quantityField = `tier_quantity_${row}`
    const priceField = `tier_price_${row}`
    if (text(quantityField) === null && text(priceField) === null) continue
    if (text(quantityField) === null) {
      add(quantityField, 'tier_incomplete')
      continue
    }
    if (text(priceField) === null) {
      add(priceField, 'tier_incomplete')
      continue
    }
    const tierMilli = quantity(quantityField)
    const tierCents = price(priceField)
    if (!tierMilli || !tierCents) continue
    if (base && tierCents >= base) {
      add(priceField, 'tier_not_cheaper')
      continue
    }
    if (maximum && tierMilli > maximum) {
      add(quantityField, 'tier_above_max')
      continue
    }
    tiers.push({ minTotalMilli: tierMilli, unitPriceCents: tierCents, row })
  }
  tiers.sort((a, b) => a.minTotalMilli - b.minTotalMilli)
  for (let index = 1; index < tiers.length; index++) {
    const previous = tiers[index - 1]
    const tier = tiers[index]
    if (tier.minTotalMilli === previous.minTotalMilli) {
      add(`tier_quantity_${tier.row}`, 'tier_duplicate')
    } else if (tier.unitPriceCents >= previous.unitPriceCents) {
      add(`tier_price_${tier.row}`, 'tier_order')
    }
  }

  /** The deadline in Paris time, in the future and not too far; the window after it. */
  const today = parisToday(now)
  const deadlineDay = text('deadline_date')
  const deadlineTime = text('deadline_time')
  let deadline: Date | null = null
  const wellFormed = (value: string | null): value is string =>
    value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value)
  /** A malformed time has its own message already (VineJS). */
  if (wellFormed(deadlineDay) && deadlineTime && TIME.test(deadlineTime)) {
    deadline = isDay(deadlineDay) ? parisMoment(deadlineDay, deadlineTime.slice(0, 5)) : null
    if (!deadline) add('deadline_date', 'date')
    else if (deadline <= now) add('deadline_date', 'deadline_past')
    else if (deadlineDay > addDays(today, groupBuyLimits.maxDeadlineDays)) {
      add('deadline_date', 'too_far', { days: groupBuyLimits.maxDeadlineDays })
    }
  }
  const startsOn = text('window_starts_on')
  const endsOn = text('window_ends_on')
  if (wellFormed(startsOn) && !isDay(startsOn)) add('window_starts_on', 'date')
  if (wellFormed(endsOn) && !isDay(endsOn)) add('window_ends_on', 'date')
  const startDay = wellFormed(startsOn) && isDay(startsOn) ? startsOn : null
  const endDay = wellFormed(endsOn) && isDay(endsOn) ? endsOn : null
  if (startDay && deadline && startDay < parisDay(deadline)) {
    add('window_starts_on', 'window_before_deadline')
  }
  if (startDay && endDay && endDay < startDay) add('window_ends_on', 'window_order')
  else if (startDay && endDay && endDay > addDays(startDay, groupBuyLimits.maxWindowDays)) {
    add('window_ends_on', 'window_too_long', { days: groupBuyLimits.maxWindowDays })
  }

  if (!fields || Object.keys(fieldErrors).length > 0 || !deadline || !base || !minimum) {
    return { input: null, fieldErrors }
  }
  return {
    input: {
      title: fields.title,
      product: fields.product,
      description: fields.description ?? '',
      unit: fields.unit,
      supplierName: fields.supplier_name,
      supplierContact: fields.supplier_contact ?? '',
      supplierShopId: fields.supplier_shop_id ?? null,
      baseUnitPriceCents: base,
      tiers: tiers.map(({ minTotalMilli, unitPriceCents }) => ({ minTotalMilli, unitPriceCents })),
      minTotalMilli: minimum,
      maxTotalMilli: maximum,
      householdMaxMilli: household,
      deadline,
      fulfilment: fields.fulfilment,
      placeLabel: fields.place_label,
      windowStartsOn: startDay!,
      windowEndsOn: endDay!,
      scope: fields.scope,
    },
    fieldErrors,
  }
}
