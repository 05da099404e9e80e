import formatters from '@poppinss/intl-formatter'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * A price typed in euros ("12", "12,5", "12.50", "12€50", "1 200,00 €") as integer
 * cents; null when empty or zero (free). Undefined when it is not a price.
 */
export function parsePrice(input: string | null | undefined): number | null | undefined {
  if (input === null || input === undefined) return null
  /** "12€50" is how many French write 12,50 €. */
  const text = input
    .replace(/(\d)\s*€\s*(\d)/, '$1.$2')
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace(',', '.')
  if (text === '') return null
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) return undefined
  const cents = Math.round(Number(text) * 100)
  if (cents > exchangeSettings.maxPriceCents) return undefined
  return cents === 0 ? null : cents
}

/** "12,50 €" / "€12.50", in the reader's language. */
export function formatPrice(cents: number, locale: string): string {
  return formatters
    .number(locale === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    })
    .format(cents / 100)
}

/** The price as typed back in a form ("12,50" in French, "12.50" in English). */
export function priceInput(cents: number | null, locale: string): string {
  if (cents === null) return ''
  const text = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)
  return locale === 'fr' ? text.replace('.', ',') : text
}
