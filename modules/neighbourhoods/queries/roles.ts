import db from '@adonisjs/lucid/services/db'
import type { NeighbourhoodRoleName } from '#modules/neighbourhoods/models/neighbourhood_role'

export async function rolesIn(
  userId: number,
  neighbourhoodId: number
): Promise<Set<NeighbourhoodRoleName>> {
  const rows = await db
    .from('neighbourhood_roles')
    .where({ user_id: userId, neighbourhood_id: neighbourhoodId })
    .select('role')
  return new Set(rows.map((row) => row.role))
}
