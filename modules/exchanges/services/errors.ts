/**
 * Refusals about exchanges. Controllers translate `reason` (a key under
 * exchanges.errors, with `values`) and answer with `status`: 409 for a
 * step the exchange's state does not allow, 403 for someone who may not
 * take it, 422 for an input the form could not check alone.
 */
export type RefusalReason =
  /** Lifecycle (409). */
  | 'not_open'
  | 'already_closed'
  | 'not_agreed'
  | 'not_editable'
  | 'loan_needs_return'
  | 'not_a_loan'
  | 'ride_offer_books'
  | 'only_ride_offers_book'
  | 'ride_has_no_agreement'
  | 'already_extended'
  | 'rides_do_not_extend'
  | 'departed'
  | 'full'
  | 'already_booked'
  | 'no_booking'
  | 'already_responded'
  /** People (403). */
  | 'not_author'
  | 'not_lender'
  | 'own_exchange'
  | 'not_respondent'
  | 'blocked'
  /** Input (422). */
  | 'return_date_required'
  | 'return_date_past'
  | 'too_many_photos'
  | 'photo_type'
  | 'photo_unreadable'
  | 'photo_too_large'
  | 'photo_too_heavy'
  | 'not_placed'
  | 'seats_below_booked'

export class ExchangeRefusal extends Error {
  constructor(
    public reason: RefusalReason,
    public status: 403 | 409 | 422 = 409,
    public values: Record<string, string | number> = {},
    /** A form field the message belongs beside, if any. */
    public field?: string
  ) {
    super(`exchange refused: ${reason}`)
  }
}

/** Unknown, or not visible to this resident: a 404, so nothing leaks. */
export class ExchangeNotFoundError extends Error {}
