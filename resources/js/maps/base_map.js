import L from './leaflet.js'

/**
 * A Leaflet map in `element`, configured from its data attributes:
 * data-tiles (URL template, or "none" offline), data-attribution,
 * data-center ("lat,lon") and data-zoom. Neighbourhood shapes are vector
 * layers, so the map is useful even without tiles.
 */
export function createMap(element) {
  const [lat, lon] = (element.dataset.center || '46.6,2.4').split(',').map(Number)
  const map = L.map(element, { scrollWheelZoom: false }).setView(
    [lat, lon],
    Number(element.dataset.zoom || 14)
  )
  if (element.dataset.tiles && element.dataset.tiles !== 'none') {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution || '',
    }).addTo(map)
  }
  return map
}

export const styles = {
  own: { color: '#1d6b48', weight: 3, fillOpacity: 0.15 },
  other: { color: '#55605a', weight: 1, dashArray: '4 4', fillOpacity: 0.05 },
  town: { color: '#e0a458', weight: 2, fill: false },
  home: { radius: 7, color: '#ffffff', weight: 2, fillColor: '#a4262c', fillOpacity: 1 },
}

/**
 * Adds a GeoJSON layer (from a data attribute) and returns it. With
 * `tooltips`, features with a `name` show it on hover; otherwise the layer
 * ignores the pointer and the editor (Geoman) neither snaps to nor edits it.
 */
export function addShape(map, json, style, options = {}) {
  if (!json) return null
  const layer = L.geoJSON(JSON.parse(json), {
    style,
    interactive: !!options.tooltips,
    pmIgnore: true,
    onEachFeature: (feature, featureLayer) => {
      if (options.tooltips && feature.properties?.name)
        featureLayer.bindTooltip(feature.properties.name)
    },
  })
  return layer.addTo(map)
}
