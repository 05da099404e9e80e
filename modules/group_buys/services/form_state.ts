import type { HttpContext } from '@adonisjs/core/http'
import { SCOPES } from '#modules/neighbourhoods/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { priceInput, quantityInput } from '#modules/group_buys/services/amounts'
import { groupBuyLimits } from '#modules/group_buys/services/limits'
import { addDays, parisParts, parisToday } from '#modules/group_buys/services/paris_time'
import type { PriceTier } from '#modules/group_buys/services/pricing'
import { FULFILMENTS, UNITS } from '#modules/group_buys/services/settings'
import { supplierShopChoices } from '#modules/group_buys/services/supplier_shop'

export const FORM_VIEW = 'group_buys::pages/form'

export type FormValues = Record<string, string | number | null>

/** A new campaign starts with the organiser's neighbourhood, picked up, in kg, in two weeks at noon. */
export function defaultValues(now: Date = new Date()): FormValues {
  const today = parisToday(now)
  return {
    unit: 'kg',
    fulfilment: 'pickup',
    scope: 'neighbourhood',
    deadline_date: addDays(today, 14),
    deadline_time: '12:00',
    window_starts_on: addDays(today, 21),
    window_ends_on: addDays(today, 28),
  }
}

/** The form filled with a draft being edited, amounts as typed in the reader's language. */
export function valuesOf(groupBuy: GroupBuy, tiers: PriceTier[], locale: string): FormValues {
  const deadline = parisParts(groupBuy.deadline.toJSDate())
  const values: FormValues = {
    title: groupBuy.title,
    product: groupBuy.product,
    description: groupBuy.description,
    unit: groupBuy.unit,
    supplier_name: groupBuy.supplierName,
    supplier_contact: groupBuy.supplierContact,
    supplier_shop_id: groupBuy.supplierShopId,
    base_price: priceInput(groupBuy.baseUnitPriceCents, locale),
    min_quantity: quantityInput(groupBuy.minTotalMilli, locale),
    max_quantity: quantityInput(groupBuy.maxTotalMilli, locale),
    household_max: quantityInput(groupBuy.householdMaxMilli, locale),
    deadline_date: deadline.day,
    deadline_time: deadline.time,
    fulfilment: groupBuy.fulfilment,
    place_label: groupBuy.placeLabel,
    window_starts_on: groupBuy.windowStartsOn,
    window_ends_on: groupBuy.windowEndsOn,
    scope: groupBuy.scope,
  }
  tiers.forEach((tier, index) => {
    values[`tier_quantity_${index + 1}`] = quantityInput(tier.minTotalMilli, locale)
    values[`tier_price_${index + 1}`] = priceInput(tier.unitPriceCents, locale)
  })
  return values
}

/**
 * Everything the form page needs besides the values: choices with labels,
 * limits, rows, and the verified shops the organiser may name as supplier.
 */
export async function formState(
  ctx: HttpContext,
  options: { values: FormValues; groupBuy?: GroupBuy | null }
) {
  const t = (key: string) => ctx.i18n.t(key)
  const shops = await supplierShopChoices(Number(ctx.auth.getUserOrFail().id))
  return {
    values: options.values,
    shops,
    groupBuy: options.groupBuy ?? null,
    action: options.groupBuy ? `/group-buys/${options.groupBuy.id}` : '/group-buys',
    units: UNITS.map((value) => ({ value, label: t(`group_buys.unit_names.${value}`) })),
    fulfilments: FULFILMENTS.map((value) => ({
      value,
      label: t(`group_buys.fulfilments.${value}`),
    })),
    scopes: SCOPES.map((value) => ({
      value,
      label: t(`group_buys.scopes.${value}`),
      hint: t(`group_buys.scope_hints.${value}`),
    })),
    tierRows: Array.from({ length: groupBuyLimits.maxTiers }, (_, index) => index + 1),
    limits: groupBuyLimits,
  }
}
