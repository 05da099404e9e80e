/*
| Maps are loaded only on pages that have one ([data-map]).
*/
export async function mountMaps(root = document) {
  const elements = root.querySelectorAll('[data-map]')
  if (elements.length === 0) return
  for (const element of elements) {
    const kind = element.dataset.map
    if (kind === 'view') (await import('./map_view.js')).mountMapView(element)
    if (kind === 'picker') (await import('./map_picker.js')).mountMapPicker(element)
    if (kind === 'editor') await (await import('./boundary_editor.js')).mountBoundaryEditor(element)
    if (kind === 'ride') (await import('./ride_points.js')).mountRidePoints(element)
  }
}
