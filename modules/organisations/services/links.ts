/** Paths of the organisations' pages (feed cards, redirects). */
export function storefrontPath(organisationId: number): string {
  return `/organisations/${organisationId}`
}

export function managePath(organisationId: number): string {
  return `/organisations/${organisationId}/manage`
}

export function noticePath(organisationId: number, noticeId: number): string {
  return `/organisations/${organisationId}/notices/${noticeId}`
}

export function offerPhotoPath(organisationId: number, offerId: number): string {
  return `/organisations/${organisationId}/offers/${offerId}/photo`
}

export function photoPath(organisationId: number, photoId: number): string {
  return `/organisations/${organisationId}/photos/${photoId}`
}
