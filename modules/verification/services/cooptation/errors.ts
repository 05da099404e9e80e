/**
 * Refusals of co-optation. Controllers turn each into the page again with
 * a translated message (keys under cooptation.errors) and a status, or a
 * 404 for what the caller may not know exists.
 */

/** Unknown link, or a candidate outside the voucher's neighbourhood (404: nothing leaks). */
export class CandidateNotFoundError extends Error {
  constructor() {
    super('No such candidate in this neighbourhood')
  }
}

export class SelfVouchError extends Error {
  constructor() {
    super('A resident cannot vouch for themselves')
  }
}

export class CandidateVerifiedError extends Error {
  constructor() {
    super('The candidate is already verified')
  }
}

export class VoucherTooRecentError extends Error {
  constructor(public from: Date) {
    super(`This voucher may vouch from ${from.toISOString()}`)
  }
}

export class AlreadyVouchedError extends Error {
  constructor() {
    super('This voucher already vouches for this candidate')
  }
}

export class SameAddressError extends Error {
  constructor() {
    super('Voucher and candidate live at the same address')
  }
}

export class VouchLimitError extends Error {
  constructor(public nextOn: Date) {
    super(`Too many vouches in the period; next one from ${nextOn.toISOString()}`)
  }
}

/** Not the caller's own vouch (404). */
export class VouchNotFoundError extends Error {
  constructor() {
    super('No such vouch')
  }
}

export class VouchCountedError extends Error {
  constructor() {
    super('This vouch already counted in a verification')
  }
}

/** The candidate has no neighbourhood to be vouched in. */
export class NoNeighbourhoodError extends Error {
  constructor() {
    super('The candidate does not live in a neighbourhood')
  }
}

/** Not a verified neighbour the candidate may ask (the list offers only those). */
export class NeighbourNotFoundError extends Error {
  constructor() {
    super('Not a neighbour who can be asked')
  }
}

export class AlreadyAskedError extends Error {
  constructor() {
    super('This neighbour was already asked')
  }
}

export class TooManyAsksError extends Error {
  constructor() {
    super('Too many asks waiting for an answer')
  }
}

/** Not an ask made to the caller (404). */
export class VouchRequestNotFoundError extends Error {
  constructor() {
    super('No such ask')
  }
}

/** A unique index refused the row (PostgreSQL unique_violation). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, constraint: name } = error as { code?: string; constraint?: string }
  return code === '23505' && (constraint === undefined || name === constraint)
}
