/*
| Leaflet as a mutable global: Geoman (the boundary editor) is an IIFE that
| extends window.L, and an ES module namespace cannot be extended.
*/
import * as Leaflet from 'leaflet'

const L = { ...Leaflet }
window.L = L
export default L
