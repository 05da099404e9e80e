import i18nManager from '@adonisjs/i18n/services/main'
import { MILLI, type Unit } from '#modules/group_buys/services/settings'

/**
 * The arithmetic of group buys, on integers only: money in cents,
 * quantities in milli-units (1 kg = 1000), prices in cents per whole unit.
 * A cost is quantityMilli × unitPriceCents / 1000, which can pass 2^53 for
 * big totals, so products are taken in BigInt.
 */

export type PriceTier = { minTotalMilli: number; unitPriceCents: number }

/**
 * The unit price at a total: the price of the tier with the highest
 * `minTotalMilli` that the total reaches (a tier starts AT its quantity,
 * inclusive), else the base price.
 */
export function unitPriceFor(
  baseUnitPriceCents: number,
  tiers: readonly PriceTier[],
  totalMilli: number
): number {
  let reached: PriceTier | null = null
  for (const tier of tiers) {
    if (
      tier.minTotalMilli <= totalMilli &&
      (!reached || tier.minTotalMilli > reached.minTotalMilli)
    ) {
      reached = tier
    }
  }
  return reached ? reached.unitPriceCents : baseUnitPriceCents
}

/** The first tier the total has not reached yet; null when none is left. */
export function nextTier(tiers: readonly PriceTier[], totalMilli: number): PriceTier | null {
  let next: PriceTier | null = null
  for (const tier of tiers) {
    if (tier.minTotalMilli > totalMilli && (!next || tier.minTotalMilli < next.minTotalMilli)) {
      next = tier
    }
  }
  return next
}

/** A non-negative safe integer as a BigInt; anything else is a programming error. */
function whole(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`)
  }
  return BigInt(value)
}

/** BigInt back to Number, refusing a result JavaScript cannot hold exactly. */
function safe(value: bigint): number {
  const result = Number(value)
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} is beyond a safe integer`)
  return result
}

/**
 * `numerator / denominator` rounded half up (0.5 goes up, away from
 * zero for positive values), on non-negative BigInts.
 */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n)
}

/**
 * What a quantity costs at a unit price, in cents: quantityMilli ×
 * unitPriceCents / 1000, rounded HALF UP to the cent (0.5 cent becomes 1
 * cent: 0.333 kg at 0.29 €/kg = 9.657 cents -> 10 cents; 0.05 cent -> 0).
 * Exact integer arithmetic, whatever the size.
 */
export function lineCostCents(quantityMilli: number, unitPriceCents: number): number {
  const product = whole(quantityMilli, 'quantityMilli') * whole(unitPriceCents, 'unitPriceCents')
  return safe(divideHalfUp(product, BigInt(MILLI)))
}

/**
 * What a quantity saves at `unitPriceCents` against the base price: the
 * difference of the two rounded costs (so it is exactly "base cost minus
 * what you owe"), and that saving as a percentage of the base cost,
 * rounded HALF UP to one decimal (20.05 % -> 20.1 %). A nil base cost
 * saves 0 %. A price above the base gives a negative saving, rounded
 * symmetrically (half away from zero).
 */
export function savings(
  quantityMilli: number,
  baseUnitPriceCents: number,
  unitPriceCents: number
): { cents: number; percent: number } {
  const baseCost = lineCostCents(quantityMilli, baseUnitPriceCents)
  const cost = lineCostCents(quantityMilli, unitPriceCents)
  const cents = baseCost - cost
  if (baseCost === 0) return { cents, percent: 0 }
  const magnitude = divideHalfUp(BigInt(Math.abs(cents)) * 1000n, BigInt(baseCost))
  const tenths = safe(magnitude) * Math.sign(cents)
  /** Tenths of a percent divided by 10: one decimal, as exact as a double shows it. */
  return { cents, percent: tenths / 10 }
}

/** App locales ('fr', 'en') to the Intl locales numbers are written in. */
function intlLocale(locale: string): string {
  return locale.startsWith('en') ? 'en-GB' : 'fr-FR'
}

/**
 * An integer as an exact decimal string with `digits` decimals ("12999.500"),
 * so Intl formats the exact value (it reads strings as decimals), never a
 * float's approximation.
 */
function decimalString(value: number, digits: number): string {
  const sign = value < 0 ? '-' : ''
  const text = String(Math.abs(value)).padStart(digits + 1, '0')
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** A quantity in the reader's language: "12 999,5 litres", "0.333 kg", "1 sac". */
export function formatQuantity(milli: number, unit: Unit, locale: string): string {
  const quantity = new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 3,
  }).format(decimalString(milli, 3) as unknown as number)
  /** The plural form only needs the value's magnitude, not its exact digits. */
  return i18nManager.locale(locale.startsWith('en') ? 'en' : 'fr').t(`group_buys.units.${unit}`, {
    count: milli / MILLI,
    quantity,
  })
}

/** A sum of money in the reader's language, always with cents: "1 234,56 €", "€0.29". */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(decimalString(cents, 2) as unknown as number)
}
