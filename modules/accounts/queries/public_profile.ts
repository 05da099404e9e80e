import User from '#modules/accounts/models/user'
import {
  neighbourhoodNames,
  residentHome,
  visibleNeighbourhoodIds,
} from '#modules/neighbourhoods/index'
import { mayModerate } from '#modules/moderation/index'

export interface PublicProfile {
  id: number
  displayName: string
  neighbourhoodId: number
  neighbourhoodName: string
  /** Only when the resident lets this viewer see it; never the house number. */
  street: string | null
  photo: boolean
  /** The viewer is this resident. */
  own: boolean
  /** Hidden by moderation, as this viewer sees it ('author' | 'moderator'); null when not hidden or for others. */
  hiddenAs: 'author' | 'moderator' | null
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
 * or a nearby neighbourhood see each other, and the moderators of the
 * resident's neighbourhood. The street shows to the same neighbourhood
 * when the resident allows it; the photo to the same, or to nearby
 * neighbourhoods too, as the resident chose. While moderation hides the
 * profile, others see only the name and the neighbourhood; the resident
 * and the moderators see it all, with a notice.
 */
export async function publicProfile(viewerId: number, id: number): Promise<PublicProfile | null> {
  const user = await User.find(id)
  if (!user || user.erasedAt) return null
  const home = await residentHome(Number(user.id))
  if (!home || home.neighbourhoodId === null) return null
  const self = viewerId === Number(user.id)
  const hidden = user.profileHiddenAt !== null
  let same = self
  let nearby = self
  if (!self) {
    const viewerHome = await residentHome(viewerId)
    same = viewerHome?.neighbourhoodId === home.neighbourhoodId
    nearby = same
    if (!same) {
      const visible = await visibleNeighbourhoodIds(viewerId, 'nearby')
      nearby = visible.includes(home.neighbourhoodId)
    }
  }
  /** Asked only when it changes something: a hidden profile, or a viewer from further away. */
  const moderator =
    !self && (hidden || !nearby) ? await mayModerate(viewerId, home.neighbourhoodId) : false
  if (!nearby && !moderator) return null

  const names = await neighbourhoodNames([home.neighbourhoodId])
  const fullView = !hidden || self || moderator
  const streetAllowed = fullView && (self || (same && user.streetVisibility === 'neighbourhood'))
  /** Moderators review what residents could see of the photo. */
  const photoAllowed =
    fullView &&
    (self ||
      user.photoVisibility === 'nearby' ||
      (same && user.photoVisibility === 'neighbourhood') ||
      (moderator && user.photoVisibility !== 'nobody'))
  return {
    id: Number(user.id),
    displayName: user.displayName,
    neighbourhoodId: home.neighbourhoodId,
    neighbourhoodName: names.get(home.neighbourhoodId)?.name ?? '',
    street: streetAllowed ? streetOf(home.streetName ?? home.addressLabel) : null,
    photo: photoAllowed && user.photoKey !== null,
    own: self,
    hiddenAs: hidden ? (self ? 'author' : moderator ? 'moderator' : null) : null,
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
