import User from '#modules/accounts/models/user'
import {
  neighbourhoodNames,
  residentHome,
  visibleNeighbourhoodIds,
} from '#modules/neighbourhoods/index'

export interface PublicProfile {
  id: number
  displayName: string
  neighbourhoodName: string
  /** Only when the resident lets this viewer see it; never the house number. */
  street: string | null
  photo: boolean
}

/**
 * The street of an address label, without the number: "5 bis rue Clauzel,
 * 75009 Paris" gives "rue Clauzel".
 */
export function streetOf(label: string | null | undefined): string | null {
  const first = (label ?? '').split(',')[0] ?? ''
  const street = first
    .replace(/^\s*\d+[\s-]*(bis|ter|quater|[a-d])?\b[\s,]*/i, '')
    .replace(/\d+/g, '')
    .trim()
  return street.length > 0 ? street : null
}

/**
 * What `viewerId` may see of resident `id`, or null (the page answers 404
 * so the resident's existence does not leak): only residents of the same
 * or a nearby neighbourhood see each other. The street shows to the same
 * neighbourhood when the resident allows it; the photo to the same, or to
 * nearby neighbourhoods too, as the resident chose.
 */
export async function publicProfile(viewerId: number, id: number): Promise<PublicProfile | null> {
  const user = await User.find(id)
  if (!user || user.erasedAt) return null
  const home = await residentHome(Number(user.id))
  if (!home || home.neighbourhoodId === null) return null
  const self = viewerId === Number(user.id)
  let same = self
  if (!self) {
    const viewerHome = await residentHome(viewerId)
    same = viewerHome?.neighbourhoodId === home.neighbourhoodId
    if (!same) {
      const visible = await visibleNeighbourhoodIds(viewerId, 'nearby')
      if (!visible.includes(home.neighbourhoodId)) return null
    }
  }
  const names = await neighbourhoodNames([home.neighbourhoodId])
  const streetAllowed = self || (same && user.streetVisibility === 'neighbourhood')
  const photoAllowed =
    self || user.photoVisibility === 'nearby' || (same && user.photoVisibility === 'neighbourhood')
  return {
    id: Number(user.id),
    displayName: user.displayName,
    neighbourhoodName: names.get(home.neighbourhoodId)?.name ?? '',
    street: streetAllowed ? streetOf(home.streetName ?? home.addressLabel) : null,
    photo: photoAllowed && user.photoKey !== null,
  }
}

/** The photo file of a resident, if this viewer may see it. */
export async function visiblePhoto(
  viewerId: number,
  id: number
): Promise<{ key: string; contentType: string } | null> {
  /** Residents always see their own photo, placed or not. */
  if (viewerId !== id) {
    const profile = await publicProfile(viewerId, id)
    if (!profile?.photo) return null
  }
  const user = await User.find(id)
  if (!user || user.erasedAt) return null
  return user.photoKey && user.photoType
    ? { key: user.photoKey, contentType: user.photoType }
    : null
}
