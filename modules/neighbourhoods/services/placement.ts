import db from '@adonisjs/lucid/services/db'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { FUZZED_POINT, POINT } from '#modules/neighbourhoods/services/geo_sql'
import type { Placement } from '#modules/neighbourhoods/models/resident'

export interface HomePoint {
  longitude: number
  latitude: number
}

export interface PlacementResult {
  townId: number | null
  neighbourhoodId: number | null
}

/**
 * The neighbourhood covering a point (ST_Covers: a point on a shared edge
 * is covered by both sides; the lowest id wins, so it lands in exactly
 * one). Uses the GIST index on boundary.
 */
export async function neighbourhoodAt(point: HomePoint): Promise<number | null> {
  const { rows } = await db.rawQuery<{ rows: { id: number }[] }>(
    `SELECT id FROM neighbourhoods WHERE ST_Covers(boundary, ${POINT}) ORDER BY id LIMIT 1`,
    [point.longitude, point.latitude]
  )
  return rows[0] ? Number(rows[0].id) : null
}

export async function townAt(point: HomePoint): Promise<number | null> {
  const { rows } = await db.rawQuery<{ rows: { id: number }[] }>(
    `SELECT id FROM towns WHERE ST_Covers(boundary, ${POINT}) ORDER BY id LIMIT 1`,
    [point.longitude, point.latitude]
  )
  return rows[0] ? Number(rows[0].id) : null
}

/** "12 bis rue des Martyrs, 75009 Paris" -> "rue des Martyrs" */
export function streetOf(addressLabel: string): string | null {
  const firstPart = addressLabel.split(',')[0] ?? ''
  const street = firstPart.replace(/^\s*\d+\s*(bis|ter|quater|[a-d])?\b\s*/i, '').trim()
  return street.length >= 3 ? street.slice(0, 120) : null
}

/**
 * Records (or moves) a resident's home: private point, fuzzed display
 * point, town and neighbourhood under it.
 */
export async function placeResident(
  userId: number,
  input: HomePoint & { addressLabel: string; streetName?: string | null; placement: Placement }
): Promise<PlacementResult> {
  const [townId, neighbourhoodId] = await Promise.all([townAt(input), neighbourhoodAt(input)])
  const { longitude: lon, latitude: lat } = input
  await db.rawQuery(
    `INSERT INTO residents (user_id, town_id, neighbourhood_id, address_label, street_name,
                            home_point, display_point, placement, placed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ${POINT}, ${FUZZED_POINT}, ?, now(), now(), now())
     ON CONFLICT (user_id) DO UPDATE SET
       town_id = EXCLUDED.town_id, neighbourhood_id = EXCLUDED.neighbourhood_id,
       address_label = EXCLUDED.address_label, street_name = EXCLUDED.street_name,
       home_point = EXCLUDED.home_point, display_point = EXCLUDED.display_point,
       placement = EXCLUDED.placement, placed_at = now(), updated_at = now(),
       verified_at = CASE WHEN residents.neighbourhood_id IS NOT DISTINCT FROM EXCLUDED.neighbourhood_id
                          AND ST_DWithin(residents.home_point::geography, EXCLUDED.home_point::geography, 50)
                          THEN residents.verified_at ELSE NULL END`,
    [
      userId,
      townId,
      neighbourhoodId,
      input.addressLabel.slice(0, 200),
      input.streetName ?? streetOf(input.addressLabel),
      lon,
      lat,
      lon,
      lat,
      neighbourhoodsConfig.fuzzGridM,
      lat,
      input.placement,
    ]
  )
  return { townId, neighbourhoodId }
}
