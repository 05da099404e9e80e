import type { GeoPoint, PartnerOffer, SearchArea } from '#sdk'

const EARTH_RADIUS_M = 6_371_000

/** Great-circle distance in metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * A neighbourhood's search area: its centre, a radius reaching its
 * farthest bounding-box corner plus `marginMeters` (what is a short walk
 * beyond its edge), and the bounding box grown by the same margin.
 */
export function searchAreaOf(
  center: GeoPoint,
  bbox: [number, number, number, number],
  marginMeters: number,
  town?: SearchArea['town']
): SearchArea {
  const [minLon, minLat, maxLon, maxLat] = bbox
  const corners = [
    { latitude: minLat, longitude: minLon },
    { latitude: minLat, longitude: maxLon },
    { latitude: maxLat, longitude: minLon },
    { latitude: maxLat, longitude: maxLon },
  ]
  const reach = Math.max(...corners.map((corner) => distanceMeters(center, corner)))
  const dLat = marginMeters / 111_320
  const dLon = marginMeters / (111_320 * Math.cos((center.latitude * Math.PI) / 180))
  return {
    center,
    radiusMeters: Math.ceil(reach + marginMeters),
    bbox: [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat],
    ...(town ? { town } : {}),
  }
}

/**
 * How far an offer is from the area's centre: its point, or the nearest
 * point of its area; null when it lies outside the search area (such an
 * offer is not "near" this neighbourhood and is dropped).
 */
export function offerDistance(offer: PartnerOffer, area: SearchArea): number | null {
  if ('point' in offer.location) {
    const distance = distanceMeters(area.center, offer.location.point)
    return distance <= area.radiusMeters ? Math.round(distance) : null
  }
  const [minLon, minLat, maxLon, maxLat] = offer.location.area
  const [aMinLon, aMinLat, aMaxLon, aMaxLat] = area.bbox
  if (minLon > aMaxLon || maxLon < aMinLon || minLat > aMaxLat || maxLat < aMinLat) return null
  const nearest = {
    latitude: Math.min(Math.max(area.center.latitude, minLat), maxLat),
    longitude: Math.min(Math.max(area.center.longitude, minLon), maxLon),
  }
  return Math.round(distanceMeters(area.center, nearest))
}
