import db from '@adonisjs/lucid/services/db'

/**
 * The radius rule of shop offers, in SQL: a neighbourhood is reached when
 * its boundary comes within the shop's radius of the shop's point
 * (ST_DWithin on geography: metres on the ground). The scope rule of the
 * feed does not fit here: a shop is not a resident of a neighbourhood.
 * `shop` is the alias of the organisations row, `neighbourhoodId` a
 * placeholder or column.
 */
export function reachesNeighbourhood(shop: string, neighbourhoodId: string): string {
  return `EXISTS (SELECT 1 FROM neighbourhoods reach_n
                   WHERE reach_n.id = ${neighbourhoodId}
                     AND ST_DWithin(${shop}.point, reach_n.boundary::geography, ${shop}.radius_m))`
}

/** The neighbourhoods a shop's offers reach now. */
export async function reachedNeighbourhoodIds(organisationId: number): Promise<number[]> {
  const { rows } = await db.rawQuery<{ rows: { id: number }[] }>(
    `SELECT n.id FROM organisations o JOIN neighbourhoods n
        ON ST_DWithin(o.point, n.boundary::geography, o.radius_m)
      WHERE o.id = ?`,
    [organisationId]
  )
  return rows.map((row) => Number(row.id))
}
