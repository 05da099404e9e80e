import type { I18n } from '@adonisjs/i18n'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import type { SheetRefusal } from '#modules/group_buys/services/order_sheet_errors'
import { formatQuantity, type PriceTier } from '#modules/group_buys/services/pricing'
import type { GroupBuyStatus, Unit } from '#modules/group_buys/services/settings'

/**
 * Words the order sheet, its CSV and the pickup list share, in the
 * reader's language.
 */
export function statusLabel(i18n: I18n, status: GroupBuyStatus): string {
  return i18n.t(`group_buy_sheets.statuses.${status}`)
}

/** "par kg", "per bag". */
export function perUnit(i18n: I18n, unit: Unit): string {
  return i18n.t(`group_buy_sheets.per_unit.${unit}`)
}

/** "à partir de 1 000 kg", or that no tier was reached (the base price applies). */
export function tierLabel(i18n: I18n, tier: PriceTier | null, unit: Unit): string {
  if (!tier) return i18n.t('group_buy_sheets.sheet.no_tier')
  return i18n.t('group_buy_sheets.sheet.tier_from', {
    quantity: formatQuantity(tier.minTotalMilli, unit, i18n.locale),
  })
}

/** The pickup or delivery window, "du 3 décembre 2025 au 6 décembre 2025". */
export function windowLabel(i18n: I18n, campaign: GroupBuy): string {
  /** Calendar days: read at noon UTC so that no time zone moves them. */
  const day = (value: string) =>
    i18n.formatDate(new Date(`${value}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' })
  return i18n.t('group_buy_sheets.sheet.window_value', {
    from: day(campaign.windowStartsOn),
    until: day(campaign.windowEndsOn),
  })
}

export function refusalMessage(i18n: I18n, error: SheetRefusal): string {
  return i18n.t(`group_buy_sheets.errors.${error.reason}`, {
    status: statusLabel(i18n, error.campaignStatus),
  })
}
