import db from '@adonisjs/lucid/services/db'
import type { SearchArea } from '#sdk'
import { searchAreaOf } from '#modules/partners/services/geo'

export interface NeighbourhoodArea {
  neighbourhoodId: number
  townId: number
  area: SearchArea
}

/**
 * The neighbourhoods worth asking partners about (those where someone
 * lives), least recently refreshed first, with their search areas.
 * Reads the neighbourhoods module's tables directly (read-only: centroid,
 * bounding box, town name and INSEE code), as its public API has no
 * geometry read-out yet.
 */
export async function areasToRefresh(options: {
  limit: number
  marginMeters: number
  neighbourhoodIds?: number[]
}): Promise<NeighbourhoodArea[]> {
  const only = options.neighbourhoodIds
  const { rows } = await db.rawQuery<{ rows: any[] }>(
    `SELECT n.id, n.town_id, t.name AS town_name, t.insee_code,
            ST_Y(ST_Centroid(n.boundary)) AS latitude, ST_X(ST_Centroid(n.boundary)) AS longitude,
            ST_XMin(n.boundary::box2d) AS min_lon, ST_YMin(n.boundary::box2d) AS min_lat,
            ST_XMax(n.boundary::box2d) AS max_lon, ST_YMax(n.boundary::box2d) AS max_lat
       FROM neighbourhoods n
       JOIN towns t ON t.id = n.town_id
       LEFT JOIN partner_refreshes pr ON pr.neighbourhood_id = n.id
      WHERE EXISTS (SELECT 1 FROM residents r WHERE r.neighbourhood_id = n.id)
        ${only ? 'AND n.id = ANY(?::bigint[])' : ''}
      ORDER BY pr.refreshed_at ASC NULLS FIRST, n.id
      LIMIT ?`,
    only ? [only, options.limit] : [options.limit]
  )
  return rows.map((row) => ({
    neighbourhoodId: Number(row.id),
    townId: Number(row.town_id),
    area: searchAreaOf(
      { latitude: Number(row.latitude), longitude: Number(row.longitude) },
      [Number(row.min_lon), Number(row.min_lat), Number(row.max_lon), Number(row.max_lat)],
      options.marginMeters,
      { name: String(row.town_name), code: row.insee_code ?? null }
    ),
  }))
}
