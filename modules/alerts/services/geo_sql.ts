/**
 * A place others may see: the point snapped to a grid of about `grid`
 * metres, the same rule as residents' display points (Web Mercator grid
 * widened by 1/cos(latitude), latitude rounded to the degree so that a
 * whole band shares one grid). Bindings: longitude, latitude, grid
 * metres, latitude.
 */
export const FUZZED_PLACE = `ST_Transform(
  ST_SnapToGrid(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 3857), ? / cos(radians(round(?::numeric)))),
  4326
)`

/** A WGS84 point from two bindings: longitude, latitude. */
export const PLACE = 'ST_SetSRID(ST_MakePoint(?, ?), 4326)'

/** Great-circle distance in metres (for "close to home" checks, no database needed). */
export function distanceM(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number }
): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}
