import db from '@adonisjs/lucid/services/db'

export interface NeighbourhoodSummary {
  id: number
  name: string
  slug: string
  status: 'launching' | 'open'
  townId: number
  townName: string
  createdById: number | null
  boundary: string
  center: { latitude: number; longitude: number }
  areaKm2: number
  residents: number
  verifiedResidents: number
}

/** A neighbourhood with what its page shows (counts from indexed columns). */
export async function neighbourhoodBySlug(slug: string): Promise<NeighbourhoodSummary | null> {
  const { rows } = await db.rawQuery(
    `SELECT n.id, n.name, n.slug, n.status, n.town_id, t.name AS town_name, n.created_by_id,
            ST_AsGeoJSON(n.boundary, 6) AS boundary,
            ST_Y(ST_PointOnSurface(n.boundary)) AS latitude, ST_X(ST_PointOnSurface(n.boundary)) AS longitude,
            ST_Area(n.boundary::geography) / 1e6 AS area_km2,
            (SELECT count(*) FROM residents r WHERE r.neighbourhood_id = n.id) AS residents,
            (SELECT count(*) FROM residents r WHERE r.neighbourhood_id = n.id AND r.verified_at IS NOT NULL) AS verified
       FROM neighbourhoods n JOIN towns t ON t.id = n.town_id
      WHERE n.slug = ?`,
    [slug]
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    name: row.name,
    slug: row.slug,
    status: row.status,
    townId: Number(row.town_id),
    townName: row.town_name,
    createdById: row.created_by_id === null ? null : Number(row.created_by_id),
    boundary: row.boundary,
    center: { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    areaKm2: Number(row.area_km2),
    residents: Number(row.residents),
    verifiedResidents: Number(row.verified),
  }
}

export async function slugOf(neighbourhoodId: number): Promise<string | null> {
  const row = await db.from('neighbourhoods').where('id', neighbourhoodId).select('slug').first()
  return row?.slug ?? null
}

export interface NearbyNeighbourhood {
  id: number
  name: string
  slug: string
  distanceM: number
}

export interface BoundaryRevisionRow {
  id: number
  status: string
  reason: string
  authorId: number | null
  reviewedById: number | null
  reviewedAt: Date | null
  createdAt: Date
  hasPrevious: boolean
  areaKm2: number
}

/** Neighbours (precomputed pairs), nearest first. */
export async function nearbyOf(neighbourhoodId: number): Promise<NearbyNeighbourhood[]> {
  const { rows } = await db.rawQuery(
    `SELECT n.id, n.name, n.slug, nn.distance_m
       FROM neighbourhood_neighbours nn JOIN neighbourhoods n ON n.id = nn.neighbour_id
      WHERE nn.neighbourhood_id = ?
      ORDER BY nn.distance_m, n.name
      LIMIT 30`,
    [neighbourhoodId]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    name: row.name as string,
    slug: row.slug as string,
    distanceM: Number(row.distance_m),
  }))
}

/**
 * Boundaries around a point, as one GeoJSON FeatureCollection: context
 * drawn on maps, so simplified to ~5 m and 5 decimals (pages stay light).
 */
export async function boundariesAround(
  point: { latitude: number; longitude: number },
  options: { radiusM?: number; exceptId?: number } = {}
): Promise<string> {
  const radius = options.radiusM ?? 3000
  const { rows } = await db.rawQuery(
    `SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
              'type', 'Feature', 'properties', json_build_object('name', n.name),
              'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(n.boundary, 0.00005), 5)::json)), '[]'::json)) AS collection
       FROM neighbourhoods n
      WHERE n.boundary && ST_Expand(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?)
        AND n.id <> ?`,
    [point.longitude, point.latitude, radius / 55_000, options.exceptId ?? 0]
  )
  return JSON.stringify(rows[0].collection)
}

export async function townBoundary(townId: number): Promise<string | null> {
  const { rows } = await db.rawQuery(
    'SELECT ST_AsGeoJSON(boundary, 5) AS boundary FROM towns WHERE id = ?',
    [townId]
  )
  return rows[0]?.boundary ?? null
}

export async function townName(townId: number): Promise<string | null> {
  const row = await db.from('towns').where('id', townId).select('name').first()
  return row?.name ?? null
}

/** Boundary history, newest first. */
export async function boundaryHistory(neighbourhoodId: number): Promise<BoundaryRevisionRow[]> {
  const { rows } = await db.rawQuery(
    `SELECT id, status, reason, author_id, reviewed_by_id, reviewed_at, created_at,
            previous_boundary IS NOT NULL AS has_previous,
            ST_Area(boundary::geography) / 1e6 AS area_km2
       FROM neighbourhood_revisions WHERE neighbourhood_id = ?
      ORDER BY id DESC LIMIT 50`,
    [neighbourhoodId]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    status: row.status as string,
    reason: row.reason as string,
    authorId: row.author_id === null ? null : Number(row.author_id),
    reviewedById: row.reviewed_by_id === null ? null : Number(row.reviewed_by_id),
    reviewedAt: row.reviewed_at as Date | null,
    createdAt: row.created_at as Date,
    hasPrevious: row.has_previous as boolean,
    areaKm2: Number(row.area_km2),
  }))
}
