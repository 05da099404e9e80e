import L from './leaflet.js'
import { createMap } from './base_map.js'

/**
 * A ride's two places, read-only: the departure and the destination the
 * driver picked (data-from / data-to "lat,lon", named by data-from-label
 * and data-to-label), joined by a straight line, the map fitted to both.
 */
export function mountRidePoints(element) {
  const map = createMap(element)
  const points = ['from', 'to'].map((end) => {
    const [lat, lon] = (element.dataset[end] || '').split(',').map(Number)
    return { end, latlng: L.latLng(lat, lon), label: element.dataset[`${end}Label`] || '' }
  })
  if (points.some((point) => Number.isNaN(point.latlng.lat))) return map
  for (const point of points) {
    /** CSS markers (divIcon): Leaflet's image icons break once bundled. */
    const icon = L.divIcon({
      className: `ride-pin ride-pin--${point.end}`,
      iconSize: [18, 18],
      iconAnchor: [9, 9],
    })
    L.marker(point.latlng, { icon, keyboard: false, title: point.label })
      .bindTooltip(point.label)
      .addTo(map)
  }
  L.polyline(
    points.map((point) => point.latlng),
    { color: '#1d6b48', weight: 3, dashArray: '6 6' }
  ).addTo(map)
  map.fitBounds(L.latLngBounds(points.map((point) => point.latlng)), { padding: [24, 24] })
  return map
}
