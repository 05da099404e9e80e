import type { GeoPoint, SearchArea } from './types.js'

const EARTH_RADIUS_METERS = 6_371_008.8

/** Great-circle distance in meters (haversine): precise enough at neighbourhood scale. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180
  const dLat = toRad(b.latitude - a.latitude)
  const dLon = toRad(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Whether a point lies within the area's radius (plus `marginMeters`) of its centre. */
export function isInArea(area: SearchArea, point: GeoPoint, marginMeters = 0): boolean {
  return distanceMeters(area.center, point) <= area.radiusMeters + marginMeters
}
