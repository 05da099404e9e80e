/**
 * Refusals about group buys. Controllers translate `reason` (a key under
 * group_buys.errors, with `values`) and answer with `status`: 409 for a
 * step the campaign's state does not allow, 403 for someone who may not
 * take it, 422 for an input the form could not check alone.
 */
export type RefusalReason =
  /** Lifecycle (409). */
  | 'illegal_transition'
  | 'not_editable'
  | 'not_open'
  | 'deadline_passed'
  | 'deadline_passed_open'
  | 'no_pledge'
  /** People (403). */
  | 'not_organiser'
  /** Input (422). */
  | 'not_placed'
  | 'over_maximum'
  | 'full'
  | 'over_household'
  | 'not_shop_member'

export class GroupBuyRefusal extends Error {
  constructor(
    public reason: RefusalReason,
    public status: 403 | 409 | 422 = 409,
    public values: Record<string, string | number> = {},
    /** A form field the message belongs beside, if any. */
    public field?: string
  ) {
    super(`group buy refused: ${reason}`)
  }
}

/** Unknown, or not visible to this resident: a 404, so nothing leaks. */
export class GroupBuyNotFoundError extends Error {}
