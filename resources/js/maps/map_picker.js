import L from './leaflet.js'
import { addShape, createMap, styles } from './base_map.js'

/**
 * Pin your home: clicking the map (or dragging the pin) fills the form's
 * latitude/longitude fields named in data-lat-input / data-lon-input.
 */
export function mountMapPicker(element) {
  const form = element.closest('form')
  const latInput = form.querySelector(`[name="${element.dataset.latInput || 'latitude'}"]`)
  const lonInput = form.querySelector(`[name="${element.dataset.lonInput || 'longitude'}"]`)
  const placementInput = form.querySelector('[name="placement"]')
  const map = createMap(element)
  addShape(map, element.dataset.others, styles.other, { tooltips: true })
  let pin = null

  function setPin(latlng, fromUser) {
    if (!pin) {
      /** A CSS pin (divIcon): Leaflet's image icons break once bundled. */
      const icon = L.divIcon({ className: 'home-pin', iconSize: [22, 22], iconAnchor: [11, 11] })
      pin = L.marker(latlng, {
        icon,
        draggable: true,
        keyboard: true,
        title: element.dataset.pinLabel || '',
      })
      pin.on('dragend', () => setPin(pin.getLatLng(), true))
      pin.addTo(map)
    }
    pin.setLatLng(latlng)
    latInput.value = latlng.lat.toFixed(6)
    lonInput.value = latlng.lng.toFixed(6)
    if (fromUser && placementInput) placementInput.value = 'map_pin'
  }

  if (latInput.value && lonInput.value) {
    const latlng = L.latLng(Number(latInput.value), Number(lonInput.value))
    setPin(latlng, false)
    map.setView(latlng, 17)
  }
  map.on('click', (event) => setPin(event.latlng, true))
  /** Typing coordinates moves the pin too (no-JS fields stay usable). */
  for (const input of [latInput, lonInput]) {
    input.addEventListener('change', () => {
      if (latInput.value && lonInput.value)
        setPin(L.latLng(Number(latInput.value), Number(lonInput.value)), true)
    })
  }
  return map
}
