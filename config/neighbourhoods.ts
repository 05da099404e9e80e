import env from '#start/env'

/**
 * Knobs of the neighbourhoods module.
 */
export default {
  /** A launching neighbourhood opens once it has this many verified residents. */
  openThreshold: env.get('NEIGHBOURHOODS_OPEN_THRESHOLD', 10),
  /** "nearby" = touching or within this distance. */
  nearbyDistanceM: env.get('NEIGHBOURHOODS_NEARBY_DISTANCE_M', 1000),
  /** Display points are snapped to a grid of this size (privacy). */
  fuzzGridM: 150,
  /** Checks on a boundary drawn by a resident. */
  drawing: {
    minAreaKm2: 0.02,
    maxAreaKm2: 25,
    maxVertices: 2000,
    maxBytes: 200 * 1024,
    maxOverlapRatio: 0.1,
  },
  geocoder: {
    /** ban: the French national address API; none: map pin only. */
    driver: env.get('GEOCODER_DRIVER', 'ban') as 'ban' | 'none',
    url: env.get('GEOCODER_URL', 'https://api-adresse.data.gouv.fr'),
    timeoutMs: 4000,
    /** Results below this score are offered on the map for confirmation only. */
    minScore: 0.5,
  },
  map: {
    tileUrl: env.get('MAP_TILE_URL', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    attribution: '© OpenStreetMap',
  },
}
