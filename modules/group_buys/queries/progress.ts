import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { quantityInput } from '#modules/group_buys/services/amounts'
import {
  formatCents,
  formatQuantity,
  lineCostCents,
  nextTier,
  savings,
  unitPriceFor,
  type PriceTier,
} from '#modules/group_buys/services/pricing'

/** Where a campaign stands, written for one reader (totals only: no names). */
export interface Progress {
  totalMilli: number
  total: string
  minimum: string
  maximum: string | null
  /** What is left under the supplier's maximum; null without one. */
  remaining: string | null
  /** The <progress> to the threshold: value and max in milli-units. */
  threshold: { value: number; max: number; reached: boolean; percent: number }
  /** The next tier and the <progress> toward it; null when none is left. */
  next: { quantity: string; price: string; missing: string; value: number; max: number } | null
  base: string
  unitPriceCents: number
  unitPrice: string
  /** True once the campaign closed: the price no longer moves. */
  isFinal: boolean
  tiers: { quantity: string; price: string; reached: boolean }[]
  participants: number
}

/** The viewer's own pledge, at the current (or final) price. */
export interface OwnPledge {
  quantityMilli: number
  quantity: string
  /** As typed back in the form ("12,5"). */
  input: string
  owe: string
  atBase: string
  saved: string
  savedCents: number
  percent: string
  collected: boolean
  paid: boolean
}

export async function participantsOf(groupBuyId: number): Promise<number> {
  const row = await db
    .from('group_buy_pledges')
    .where('group_buy_id', groupBuyId)
    .whereNull('cancelled_at')
    .count('* as count')
    .first()
  return Number(row?.count ?? 0)
}

export function progressOf(
  groupBuy: GroupBuy,
  tiers: readonly PriceTier[],
  participants: number,
  locale: string
): Progress {
  const quantity = (milli: number) => formatQuantity(milli, groupBuy.unit, locale)
  const total = groupBuy.totalMilli
  const unitPriceCents =
    groupBuy.finalUnitPriceCents ?? unitPriceFor(groupBuy.baseUnitPriceCents, tiers, total)
  const next = groupBuy.finalUnitPriceCents === null ? nextTier(tiers, total) : null
  const minimum = groupBuy.minTotalMilli
  return {
    totalMilli: total,
    total: quantity(total),
    minimum: quantity(minimum),
    maximum: groupBuy.maxTotalMilli === null ? null : quantity(groupBuy.maxTotalMilli),
    remaining:
      groupBuy.maxTotalMilli === null
        ? null
        : quantity(Math.max(0, groupBuy.maxTotalMilli - total)),
    threshold: {
      value: Math.min(total, minimum),
      max: minimum,
      reached: total >= minimum,
      /** Whole percent, rounded down: 99.9 % is not yet there. */
      percent: Math.min(100, Math.floor((Math.min(total, minimum) * 100) / minimum)),
    },
    next: next
      ? {
          quantity: quantity(next.minTotalMilli),
          price: formatCents(next.unitPriceCents, locale),
          missing: quantity(next.minTotalMilli - total),
          value: total,
          max: next.minTotalMilli,
        }
      : null,
    base: formatCents(groupBuy.baseUnitPriceCents, locale),
    unitPriceCents,
    unitPrice: formatCents(unitPriceCents, locale),
    isFinal: groupBuy.finalUnitPriceCents !== null,
    tiers: tiers.map((tier) => ({
      quantity: quantity(tier.minTotalMilli),
      price: formatCents(tier.unitPriceCents, locale),
      reached: total >= tier.minTotalMilli,
    })),
    participants,
  }
}

/** The viewer's active pledge as the page shows it; null without one. */
export async function ownPledge(
  groupBuy: GroupBuy,
  userId: number,
  unitPriceCents: number,
  locale: string
): Promise<OwnPledge | null> {
  const row = await db
    .from('group_buy_pledges')
    .where({ group_buy_id: groupBuy.id, user_id: userId })
    .whereNull('cancelled_at')
    .first()
  if (!row) return null
  const quantityMilli = Number(row.quantity_milli)
  const saved = savings(quantityMilli, groupBuy.baseUnitPriceCents, unitPriceCents)
  return {
    quantityMilli,
    quantity: formatQuantity(quantityMilli, groupBuy.unit, locale),
    input: quantityInput(quantityMilli, locale),
    owe: formatCents(lineCostCents(quantityMilli, unitPriceCents), locale),
    atBase: formatCents(lineCostCents(quantityMilli, groupBuy.baseUnitPriceCents), locale),
    saved: formatCents(saved.cents, locale),
    savedCents: saved.cents,
    percent: new Intl.NumberFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
      maximumFractionDigits: 1,
    }).format(saved.percent),
    collected: row.collected_at !== null,
    paid: row.paid_at !== null,
  }
}
