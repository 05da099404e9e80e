import { groupBuyLimits } from '#modules/group_buys/services/limits'

/**
 * Amounts as residents type them, read into integers without ever going
 * through a float: "0,29" or "0.29" euros -> 29 cents; "12,5" or "0.333"
 * units -> 12500 or 333 milli-units. Null when empty; undefined when it
 * is not an amount (the form says so).
 */

/** Spaces (thousands, no-break), the euro sign and a trailing unit are noise. */
function clean(input: string): string {
  return input.replace(/[\s\u00a0\u202f]/g, '')
}

/** "12,50", "12.5", "12 €", "12€50", "1 234,56" -> cents; at most 2 decimals. */
export function parseEuros(input: string | null | undefined): number | null | undefined {
  if (input === null || input === undefined) return null
  /** "12€50" is how many French write 12,50 €. */
  const text = clean(input.replace(/(\d)\s*€\s*(\d)/, '$1.$2')).replace(/€/g, '')
  if (text === '') return null
  const match = text.match(/^(\d{1,9})(?:[.,](\d{1,2}))?$/)
  if (!match) return undefined
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return cents > groupBuyLimits.maxPriceCents ? undefined : cents
}

/** "12,5", "0.333", "1 500" units -> milli-units; at most 3 decimals. */
export function parseQuantity(input: string | null | undefined): number | null | undefined {
  if (input === null || input === undefined) return null
  const text = clean(input)
  if (text === '') return null
  const match = text.match(/^(\d{1,12})(?:[.,](\d{1,3}))?$/)
  if (!match) return undefined
  const milli = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'))
  return milli > groupBuyLimits.maxQuantityMilli ? undefined : milli
}

/** An integer with `digits` implied decimals, written back as a form value ("0,29", "12.5"). */
function decimalInput(value: number, digits: number, locale: string): string {
  const scale = 10 ** digits
  const whole = Math.floor(value / scale)
  const fraction = String(value % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '')
  const separator = locale.startsWith('en') ? '.' : ','
  return fraction ? `${whole}${separator}${fraction}` : String(whole)
}

/** Cents as typed back in a form ("0,29" in French, "0.29" in English; "12" for whole euros). */
export function priceInput(cents: number | null, locale: string): string {
  if (cents === null) return ''
  const text = decimalInput(cents, 2, locale)
  /** "0,3" reads oddly for a price: always two decimals once there are any. */
  return /[.,]\d$/.test(text) ? `${text}0` : text
}

/** Milli-units as typed back in a form ("12,5", "0.333"). */
export function quantityInput(milli: number | null, locale: string): string {
  return milli === null ? '' : decimalInput(milli, 3, locale)
}
