import {
  Geocoder,
  GeocoderUnavailable,
  type GeocodedAddress,
} from '#modules/neighbourhoods/geocoding/geocoder'

/**
 * Placeholder until the adapter for the French national address API lands.
 */
export class BanGeocoder extends Geocoder {
  constructor(
    protected baseUrl: string,
    protected timeoutMs: number
  ) {
    super()
  }

  async search(): Promise<GeocodedAddress[]> {
    throw new GeocoderUnavailable('not implemented yet')
  }
}
