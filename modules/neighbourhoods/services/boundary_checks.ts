import db from '@adonisjs/lucid/services/db'
import neighbourhoodsConfig from '#config/neighbourhoods'

/**
 * The checks a drawn boundary must pass, in the order a person can act on
 * them. Each refusal is a translation key (neighbourhoods.drawing.*) with
 * its parameters; when the shape overlaps existing neighbourhoods too
 * much, the same shape without the overlap is offered instead.
 */
export type BoundaryRefusal = {
  ok: false
  reason:
    | 'invalid_geojson'
    | 'too_heavy'
    | 'too_many_vertices'
    | 'self_intersecting'
    | 'outside_town'
    | 'home_outside'
    | 'too_small'
    | 'too_large'
    | 'overlap'
  params?: Record<string, string | number>
  /** For 'overlap': the drawn shape minus existing neighbourhoods, as GeoJSON. */
  suggestion?: string
}

export type BoundaryAccepted = {
  ok: true
  /** The boundary to store (MultiPolygon, EWKB hex) and as GeoJSON. */
  geometry: string
  geojson: string
  areaKm2: number
  clippedToTown: boolean
  overlapRatio: number
}

export type BoundaryCheck = BoundaryRefusal | BoundaryAccepted

interface Context {
  /** The town the neighbourhood belongs to. */
  townId: number
  /** A point the shape must contain (the resident's home), if any. */
  home?: { longitude: number; latitude: number }
  /** When reshaping a neighbourhood: do not count it as an overlap. */
  ignoreNeighbourhoodId?: number
}

const isPosition = (value: unknown) =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90

/** Shape-only checks, before any SQL: a GeoJSON Polygon of sane size. */
function parsePolygon(raw: string): BoundaryRefusal | { ok: true; vertices: number } {
  const { maxBytes, maxVertices } = neighbourhoodsConfig.drawing
  if (Buffer.byteLength(raw, 'utf8') > maxBytes) {
    return { ok: false, reason: 'too_heavy', params: { max: Math.round(maxBytes / 1024) } }
  }
  let geometry: any
  try {
    geometry = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'invalid_geojson' }
  }
  if (geometry?.type === 'Feature') geometry = geometry.geometry
  /** A stored boundary comes back as a one-part MultiPolygon when reshaped. */
  if (geometry?.type === 'MultiPolygon' && geometry.coordinates?.length === 1) {
    geometry = { type: 'Polygon', coordinates: geometry.coordinates[0] }
  }
  const rings = geometry?.coordinates
  if (
    geometry?.type !== 'Polygon' ||
    !Array.isArray(rings) ||
    rings.length === 0 ||
    !rings.every(
      (ring: unknown) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition)
    )
  ) {
    return { ok: false, reason: 'invalid_geojson' }
  }
  const vertices = rings.reduce((sum: number, ring: unknown[]) => sum + ring.length, 0)
  if (vertices > maxVertices) {
    return { ok: false, reason: 'too_many_vertices', params: { max: maxVertices } }
  }
  return { ok: true, vertices }
}

export async function checkBoundary(raw: string, context: Context): Promise<BoundaryCheck> {
  const parsed = parsePolygon(raw)
  if (!parsed.ok) return parsed
  const { minAreaKm2, maxAreaKm2, maxOverlapRatio } = neighbourhoodsConfig.drawing

  const { rows: validity } = await db.rawQuery<{ rows: { valid: boolean }[] }>(
    'SELECT ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) AS valid',
    [raw]
  )
  if (!validity[0]?.valid) return { ok: false, reason: 'self_intersecting' }

  /**
   * Clip to the town. Of the pieces left, keep the one with the home (or
   * the largest): a neighbourhood is one piece of one town.
   */
  const { rows: clipped } = await db.rawQuery<{
    rows: { geom: string; inside: boolean; empty: boolean }[]
  }>(
    `WITH drawn AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g),
          town AS (SELECT boundary FROM towns WHERE id = ?),
          cut AS (
            SELECT ST_CollectionExtract(ST_Intersection(drawn.g, town.boundary), 3) AS g,
                   ST_CoveredBy(drawn.g, town.boundary) AS inside
              FROM drawn, town
          ),
          piece AS (
            SELECT (ST_Dump(cut.g)).geom AS g FROM cut
          )
     SELECT ST_Multi(COALESCE(
              (SELECT g FROM piece
                ORDER BY ST_Covers(g, ST_SetSRID(ST_MakePoint(?, ?), 4326)) DESC, ST_Area(g) DESC
                LIMIT 1),
              'MULTIPOLYGON EMPTY'::geometry)) AS geom,
            (SELECT inside FROM cut) AS inside,
            NOT EXISTS (SELECT 1 FROM piece) AS empty`,
    [raw, context.townId, context.home?.longitude ?? 0, context.home?.latitude ?? 0]
  )
  const shape = clipped[0]
  if (!shape || shape.empty) return { ok: false, reason: 'outside_town' }

  const { rows: measures } = await db.rawQuery<{
    rows: {
      covers_home: boolean
      area_km2: number
      overlap: number
      suggestion: string | null
      geojson: string
    }[]
  }>(
    `WITH shape AS (SELECT ST_SetSRID(?::geometry, 4326) AS g),
          others AS (
            SELECT ST_Union(n.boundary) AS g FROM neighbourhoods n, shape
             WHERE n.boundary && shape.g AND ST_Intersects(n.boundary, shape.g) AND n.id <> ?
          )
     SELECT CASE WHEN ?::boolean THEN ST_Covers(shape.g, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ELSE true END AS covers_home,
            ST_Area(shape.g::geography) / 1e6 AS area_km2,
            COALESCE(ST_Area(ST_Intersection(shape.g, others.g)::geography) / NULLIF(ST_Area(shape.g::geography), 0), 0) AS overlap,
            CASE WHEN others.g IS NULL THEN NULL ELSE (
              SELECT ST_AsGeoJSON(piece.geom, 6)
                FROM ST_Dump(ST_CollectionExtract(ST_Difference(shape.g, others.g), 3)) AS piece
               ORDER BY ST_Covers(piece.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) DESC, ST_Area(piece.geom) DESC
               LIMIT 1) END AS suggestion,
            ST_AsGeoJSON(shape.g, 6) AS geojson
       FROM shape LEFT JOIN others ON true`,
    [
      shape.geom,
      context.ignoreNeighbourhoodId ?? 0,
      !!context.home,
      context.home?.longitude ?? 0,
      context.home?.latitude ?? 0,
      context.home?.longitude ?? 0,
      context.home?.latitude ?? 0,
    ]
  )
  const measure = measures[0]
  const areaKm2 = Number(measure.area_km2)

  if (!measure.covers_home) return { ok: false, reason: 'home_outside' }
  if (areaKm2 < minAreaKm2) {
    return {
      ok: false,
      reason: 'too_small',
      params: { area: Number(areaKm2.toFixed(3)), min: minAreaKm2 },
    }
  }
  if (areaKm2 > maxAreaKm2) {
    return {
      ok: false,
      reason: 'too_large',
      params: { area: Number(areaKm2.toFixed(1)), max: maxAreaKm2 },
    }
  }
  const overlap = Number(measure.overlap)
  if (overlap > maxOverlapRatio) {
    return {
      ok: false,
      reason: 'overlap',
      params: { percent: Math.round(overlap * 100), max: Math.round(maxOverlapRatio * 100) },
      suggestion: measure.suggestion ?? undefined,
    }
  }
  return {
    ok: true,
    geometry: shape.geom,
    geojson: measure.geojson,
    areaKm2,
    clippedToTown: !shape.inside,
    overlapRatio: overlap,
  }
}
