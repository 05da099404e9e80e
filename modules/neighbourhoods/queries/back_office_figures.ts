import db from '@adonisjs/lucid/services/db'

/**
 * What waits for an operator in the super voisin programme: applications
 * to decide, kit orders to approve (requested) and to ship (approved).
 */
export async function ambassadorQueueCounts(): Promise<{
  applications: number
  kitsToApprove: number
  kitsToShip: number
}> {
  const { rows } = await db.rawQuery(
    `SELECT (SELECT count(*) FROM ambassador_applications WHERE status = 'pending')::int AS applications,
            (SELECT count(*) FROM kit_orders WHERE status = 'requested')::int AS kits_to_approve,
            (SELECT count(*) FROM kit_orders WHERE status = 'approved')::int AS kits_to_ship`
  )
  return {
    applications: Number(rows[0].applications),
    kitsToApprove: Number(rows[0].kits_to_approve),
    kitsToShip: Number(rows[0].kits_to_ship),
  }
}
