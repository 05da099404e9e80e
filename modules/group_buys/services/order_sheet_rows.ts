import type { I18n } from '@adonisjs/i18n'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import type { OrderSheet } from '#modules/group_buys/queries/order_sheet'
import { csvDecimal, type CsvValue } from '#modules/group_buys/services/order_sheet_csv'
import {
  perUnit,
  statusLabel,
  tierLabel,
  windowLabel,
} from '#modules/group_buys/services/order_sheet_text'

/**
 * The supplier's CSV, in the organiser's language: a summary (label;
 * value rows), an empty line, then one row per household and the total.
 * Quantities are in whole units and money in euros, as plain decimals
 * with the locale's decimal mark.
 */
export function orderSheetRows(
  i18n: I18n,
  campaign: GroupBuy,
  sheet: OrderSheet,
  organiserName: string
): CsvValue[][] {
  const label = (key: string, values?: Record<string, unknown>) =>
    i18n.t(`group_buy_sheets.${key}`, values)
  const quantity = (milli: number) => csvDecimal(milli, 3, i18n.locale)
  const euros = (cents: number) => csvDecimal(cents, 2, i18n.locale, { fixed: true })
  const unitName = label(`unit_names.${campaign.unit}`)
  const rows: CsvValue[][] = [
    [label('csv.campaign'), campaign.title],
    [label('sheet.product'), campaign.product],
    [label('sheet.supplier'), campaign.supplierName],
    [label('sheet.supplier_contact'), campaign.supplierContact],
    [label('sheet.organiser'), organiserName],
    [label(`sheet.place.${campaign.fulfilment}`), campaign.placeLabel],
    [label('sheet.window'), windowLabel(i18n, campaign)],
    [label('sheet.status'), statusLabel(i18n, campaign.status)],
    [label('sheet.tier'), tierLabel(i18n, sheet.tier, campaign.unit)],
    [
      label('csv.unit_price', { perUnit: perUnit(i18n, campaign.unit) }),
      euros(sheet.unitPriceCents),
    ],
    [label('csv.quantity', { unit: unitName }), quantity(sheet.totalMilli)],
    [label('csv.amount'), euros(sheet.totalCents)],
    [],
    [
      label('sheet.number'),
      label('sheet.participants'),
      label('sheet.street'),
      label('csv.quantity', { unit: unitName }),
      label('csv.unit_price', { perUnit: perUnit(i18n, campaign.unit) }),
      label('csv.amount'),
    ],
  ]
  for (const household of sheet.households) {
    rows.push([
      household.number,
      household.names.join(', '),
      household.street ?? '',
      quantity(household.quantityMilli),
      euros(sheet.unitPriceCents),
      euros(household.amountCents),
    ])
  }
  rows.push([
    label('sheet.total'),
    label('sheet.households_count', {
      households: sheet.households.length,
      participants: sheet.participants,
    }),
    '',
    quantity(sheet.totalMilli),
    euros(sheet.unitPriceCents),
    euros(sheet.totalCents),
  ])
  if (sheet.sharesCents !== sheet.totalCents) {
    rows.push([label('csv.shares'), '', '', '', '', euros(sheet.sharesCents)])
  }
  return rows
}
