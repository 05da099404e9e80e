/**
 * Refusals about organisations. Controllers translate `reason` (a key
 * under organisations.errors, with `values`) and answer with `status`:
 * 403 for someone who may not act (not the owner, organisation not
 * verified), 409 for a state that does not allow it, 422 for an input
 * the form could not check alone.
 */
export type RefusalReason =
  | 'not_owner'
  | 'not_verified'
  | 'wrong_kind'
  | 'last_owner'
  | 'last_owner_role'
  | 'alert_cap'
  | 'no_neighbourhood'
  | 'already_member'
  | 'no_account'
  | 'not_member'
  | 'already_verified'
  | 'review_pending'
  | 'postcard_pending'
  | 'no_postcard'
  | 'wrong_code'
  | 'too_many_tries'
  | 'monthly_cap'
  | 'outside_town'
  | 'no_town'
  | 'checklist_incomplete'
  | 'note_required'
  | 'not_pending'
  | 'already_printed'
  | 'too_many_photos'
  | 'photo_too_heavy'
  | 'photo_type'
  | 'photo_unreadable'
  | 'photo_too_large'
  | 'bad_neighbourhoods'
  | 'no_neighbourhoods'
  | 'not_placed'
  | 'offer_past'
  | 'offer_too_long'
  | 'own_shop'
  | 'pin_past'
  | 'pin_too_long'
  | 'closure_backwards'

export class OrganisationRefusal extends Error {
  constructor(
    public reason: RefusalReason,
    public status: 403 | 409 | 422 = 409,
    public values: Record<string, string | number> = {},
    /** A form field the message belongs beside, if any. */
    public field?: string
  ) {
    super(`organisation refused: ${reason}`)
  }
}

/** Unknown, or not for this person: a 404, so nothing leaks. */
export class OrganisationNotFoundError extends Error {}
