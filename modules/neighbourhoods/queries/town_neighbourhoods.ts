import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The neighbourhoods of a town, by name (ids and names only). Pass `trx` inside a transaction. */
export async function townNeighbourhoods(
  townId: number,
  trx?: TransactionClientContract
): Promise<{ id: number; name: string }[]> {
  const rows = await (trx ?? db)
    .from('neighbourhoods')
    .where('town_id', townId)
    .orderBy('name')
    .select('id', 'name')
  return rows.map((row) => ({ id: Number(row.id), name: row.name }))
}
