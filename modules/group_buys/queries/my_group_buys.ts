import db from '@adonisjs/lucid/services/db'
import { groupBuyPath } from '#modules/group_buys/services/links'
import {
  formatCents,
  formatQuantity,
  lineCostCents,
  unitPriceFor,
} from '#modules/group_buys/services/pricing'
import type { GroupBuyStatus, Unit } from '#modules/group_buys/services/settings'

export interface MyCampaign {
  id: number
  url: string
  title: string
  status: GroupBuyStatus
  deadline: Date
  total: string
  participants: number
}

export interface MyPledge {
  id: number
  url: string
  title: string
  status: GroupBuyStatus
  deadline: Date
  quantity: string
  /** What it costs at the current price (final once closed). */
  owe: string
}

/**
 * A resident's group buys: the campaigns they organise (drafts
 * included), then those they pledged to (active pledges), newest first.
 */
export async function myGroupBuys(
  userId: number,
  locale: string
): Promise<{ organised: MyCampaign[]; pledged: MyPledge[] }> {
  const [organised, pledged] = await Promise.all([
    db.rawQuery(
      `SELECT g.id, g.title, g.status, g.deadline, g.unit, g.total_milli,
              (SELECT count(*) FROM group_buy_pledges p
                WHERE p.group_buy_id = g.id AND p.cancelled_at IS NULL) AS participants
         FROM group_buys g WHERE g.organiser_id = ?
        ORDER BY g.created_at DESC, g.id DESC LIMIT 200`,
      [userId]
    ),
    db.rawQuery(
      `SELECT g.id, g.title, g.status, g.deadline, g.unit, g.total_milli,
              g.base_unit_price_cents, g.final_unit_price_cents, p.quantity_milli,
              coalesce((SELECT json_agg(json_build_object(
                         'minTotalMilli', t.min_total_milli, 'unitPriceCents', t.unit_price_cents))
                  FROM group_buy_tiers t WHERE t.group_buy_id = g.id), '[]'::json) AS tiers
         FROM group_buy_pledges p JOIN group_buys g ON g.id = p.group_buy_id
        WHERE p.user_id = ? AND p.cancelled_at IS NULL
        ORDER BY p.created_at DESC, p.id DESC LIMIT 200`,
      [userId]
    ),
  ])
  return {
    organised: organised.rows.map((row: any) => ({
      id: Number(row.id),
      url: groupBuyPath(Number(row.id)),
      title: row.title,
      status: row.status,
      deadline: new Date(row.deadline),
      total: formatQuantity(Number(row.total_milli), row.unit as Unit, locale),
      participants: Number(row.participants),
    })),
    pledged: pledged.rows.map((row: any) => {
      const quantityMilli = Number(row.quantity_milli)
      const tiers = (row.tiers as { minTotalMilli: number; unitPriceCents: number }[]).map(
        (tier) => ({
          minTotalMilli: Number(tier.minTotalMilli),
          unitPriceCents: Number(tier.unitPriceCents),
        })
      )
      const price =
        row.final_unit_price_cents === null
          ? unitPriceFor(Number(row.base_unit_price_cents), tiers, Number(row.total_milli))
          : Number(row.final_unit_price_cents)
      return {
        id: Number(row.id),
        url: groupBuyPath(Number(row.id)),
        title: row.title,
        status: row.status,
        deadline: new Date(row.deadline),
        quantity: formatQuantity(quantityMilli, row.unit as Unit, locale),
        owe: formatCents(lineCostCents(quantityMilli, price), locale),
      }
    }),
  }
}
