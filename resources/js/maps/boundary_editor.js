import L from './leaflet.js'
import { addShape, createMap, styles } from './base_map.js'

/**
 * Draw (or reshape) a neighbourhood: Geoman's polygon tool; the drawn
 * shape goes, as GeoJSON, into the form field named in data-input.
 * Context layers: the town (data-town), existing neighbourhoods
 * (data-others), the resident's home (data-home "lat,lon").
 */
export async function mountBoundaryEditor(element) {
  await import('@geoman-io/leaflet-geoman-free')
  const form = element.closest('form')
  const input = form.querySelector(`[name="${element.dataset.input || 'boundary'}"]`)
  const map = createMap(element)

  const town = addShape(map, element.dataset.town, styles.town)
  addShape(map, element.dataset.others, styles.other)
  if (element.dataset.home) {
    const [lat, lon] = element.dataset.home.split(',').map(Number)
    L.circleMarker([lat, lon], { ...styles.home, interactive: false, pmIgnore: true }).addTo(map)
  }

  let shape = null
  function sync() {
    input.value = shape ? JSON.stringify(shape.toGeoJSON().geometry) : ''
    input.dispatchEvent(new Event('change'))
  }
  function adopt(layer) {
    if (shape && shape !== layer) map.removeLayer(shape)
    shape = layer
    shape.setStyle(styles.own)
    shape.on('pm:edit', sync)
    sync()
  }

  if (input.value) {
    const existing = L.geoJSON(JSON.parse(input.value)).getLayers()[0]
    if (existing) {
      existing.addTo(map)
      adopt(existing)
      map.fitBounds(existing.getBounds(), { padding: [16, 16] })
    }
  } else if (town && !element.dataset.center) {
    map.fitBounds(town.getBounds())
  }

  map.pm.setLang(document.documentElement.lang === 'en' ? 'en' : 'fr')
  map.pm.addControls({
    position: 'topleft',
    drawMarker: false,
    drawCircleMarker: false,
    drawPolyline: false,
    drawRectangle: true,
    drawCircle: false,
    drawText: false,
    cutPolygon: false,
    rotateMode: false,
  })
  map.on('pm:create', (event) => adopt(event.layer))
  map.on('pm:remove', () => {
    shape = null
    sync()
  })
  return map
}
