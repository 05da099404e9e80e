import { accounts } from '#modules/accounts/index'
import { placeResident, type PlacementResult } from '#modules/neighbourhoods/services/placement'
import type { Placement } from '#modules/neighbourhoods/models/resident'

export interface PlaceHomeInput {
  addressLabel: string
  latitude: number
  longitude: number
  placement: Placement
  streetName?: string | null
}

/**
 * Sets (or moves) a resident's home: the point decides the town and the
 * neighbourhood; the account keeps the address label in step. Moving out
 * of the neighbourhood (or more than 50 m) clears the address proof.
 */
export default class PlaceHome {
  async execute(userId: number, input: PlaceHomeInput): Promise<PlacementResult> {
    const result = await placeResident(userId, input)
    await accounts.setHomeAddress(userId, input.addressLabel)
    return result
  }
}
