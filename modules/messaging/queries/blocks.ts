import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

type Client = TransactionClientContract | typeof db

/** Whether either resident blocked the other. */
export async function isBlocked(a: number, b: number, client: Client = db): Promise<boolean> {
  const row = await client
    .from('blocks')
    .where((query) => query.where('blocker_id', a).where('blocked_id', b))
    .orWhere((query) => query.where('blocker_id', b).where('blocked_id', a))
    .select('blocker_id')
    .first()
  return !!row
}

/** Who blocked whom between a viewer and another resident, as the viewer's page says it. */
export async function blockBetween(
  viewerId: number,
  otherId: number
): Promise<{ byViewer: boolean; byOther: boolean }> {
  const rows = await db
    .from('blocks')
    .where((query) => query.where('blocker_id', viewerId).where('blocked_id', otherId))
    .orWhere((query) => query.where('blocker_id', otherId).where('blocked_id', viewerId))
    .select('blocker_id')
  return {
    byViewer: rows.some((row) => Number(row.blocker_id) === viewerId),
    byOther: rows.some((row) => Number(row.blocker_id) === otherId),
  }
}
