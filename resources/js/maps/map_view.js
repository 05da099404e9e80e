import L from './leaflet.js'
import { addShape, createMap, styles } from './base_map.js'

/**
 * A read-only map: the neighbourhood's boundary (data-boundary), its
 * neighbours (data-others), fitted to the boundary.
 */
export function mountMapView(element) {
  const map = createMap(element)
  addShape(map, element.dataset.others, styles.other, { tooltips: true })
  const own = addShape(map, element.dataset.boundary, styles.own)
  if (own) map.fitBounds(own.getBounds(), { padding: [16, 16] })
  if (element.dataset.home) {
    const [lat, lon] = element.dataset.home.split(',').map(Number)
    L.circleMarker([lat, lon], styles.home).addTo(map)
  }
  return map
}
