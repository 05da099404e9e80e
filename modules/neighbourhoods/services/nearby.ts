import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import neighbourhoodsConfig from '#config/neighbourhoods'

/**
 * Keeps neighbourhood_neighbours (the "nearby" pairs) in step with the
 * boundaries. The bounding-box test uses the GIST index; the exact
 * distance is computed on the sphere (geography).
 */
function pairsSql(where: string) {
  return `INSERT INTO neighbourhood_neighbours (neighbourhood_id, neighbour_id, distance_m)
    SELECT a.id, b.id, round(ST_Distance(a.boundary::geography, b.boundary::geography))::int
    FROM neighbourhoods a
    JOIN neighbourhoods b
      ON a.id <> b.id
     AND b.boundary && ST_Expand(a.boundary, ?)
     AND ST_DWithin(a.boundary::geography, b.boundary::geography, ?)
    ${where}
    ON CONFLICT DO NOTHING`
}

/** Degrees that cover `metres` in any direction up to latitude 60. */
function degreesFor(metres: number) {
  return metres / 55_000
}

export async function refreshNearbyFor(neighbourhoodId: number, trx?: TransactionClientContract) {
  const client = trx ?? db
  const distance = neighbourhoodsConfig.nearbyDistanceM
  await client.rawQuery(
    'DELETE FROM neighbourhood_neighbours WHERE neighbourhood_id = ? OR neighbour_id = ?',
    [neighbourhoodId, neighbourhoodId]
  )
  await client.rawQuery(pairsSql('WHERE a.id = ? OR b.id = ?'), [
    degreesFor(distance),
    distance,
    neighbourhoodId,
    neighbourhoodId,
  ])
}

export async function refreshAllNearby() {
  const distance = neighbourhoodsConfig.nearbyDistanceM
  await db.transaction(async (trx) => {
    await trx.rawQuery('DELETE FROM neighbourhood_neighbours')
    await trx.rawQuery(pairsSql(''), [degreesFor(distance), distance])
  })
}
