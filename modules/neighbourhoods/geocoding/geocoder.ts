/**
 * Turns a typed address into candidate home points. An abstract class so
 * that it can be bound in the container and swapped in tests; the real
 * adapter speaks the French national address API (ban_geocoder.ts).
 */
export interface GeocodedAddress {
  /** Full label, e.g. "12 Rue des Martyrs 75009 Paris". */
  label: string
  /** Street name without number, when the result has one. */
  street: string | null
  /** INSEE code of the commune. */
  citycode: string | null
  longitude: number
  latitude: number
  /** Confidence between 0 and 1. */
  score: number
}

export abstract class Geocoder {
  /**
   * Best candidates first. Never throws for "no result" (empty list);
   * throws GeocoderUnavailable when the service cannot be reached, so the
   * caller falls back to the map pin.
   */
  abstract search(query: string, options?: { limit?: number }): Promise<GeocodedAddress[]>
}

export class GeocoderUnavailable extends Error {
  constructor(reason: string) {
    super(`The geocoder is unavailable: ${reason}`)
  }
}

/** Offline installations (GEOCODER_DRIVER=none): always the map pin. */
export class NoGeocoder extends Geocoder {
  async search(): Promise<GeocodedAddress[]> {
    throw new GeocoderUnavailable('no geocoder configured')
  }
}
