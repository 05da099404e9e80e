import type { KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'
import type { AmbassadorApplicationStatus } from '#modules/neighbourhoods/models/ambassador_application'

/**
 * Refusals of the super voisin use cases. Controllers turn them into the
 * page again with a translated message, a 403 or a 404 (never a 500).
 */
export class NoNeighbourhoodError extends Error {
  constructor() {
    super('Only a resident placed in a neighbourhood can apply')
  }
}

export class AlreadySuperVoisinError extends Error {
  constructor() {
    super('This resident is already a super voisin of their neighbourhood')
  }
}

export class ApplicationPendingError extends Error {
  constructor() {
    super('This resident already has an application waiting for a decision')
  }
}

export class TooSoonToReapplyError extends Error {
  constructor(public reapplyOn: Date) {
    super(`A refused resident may apply again from ${reapplyOn.toISOString()}`)
  }
}

export class ApplicationNotFoundError extends Error {
  constructor() {
    super('No such application')
  }
}

export class ApplicationDecidedError extends Error {
  constructor(public status: AmbassadorApplicationStatus) {
    super(`This application is already ${status}`)
  }
}

export class OwnApplicationError extends Error {
  constructor() {
    super('An operator does not decide on their own application')
  }
}

export class ApplicantMovedError extends Error {
  constructor() {
    super('The applicant no longer lives in the neighbourhood they applied for')
  }
}

export class NotSuperVoisinError extends Error {
  constructor() {
    super('Only a super voisin of their neighbourhood can order a kit')
  }
}

export class OrderInProgressError extends Error {
  constructor() {
    super('This super voisin already has a kit order in progress')
  }
}

export class EmptyKitError extends Error {
  constructor() {
    super('A kit order needs at least one item')
  }
}

export class KitOrderNotFoundError extends Error {
  constructor() {
    super('No such kit order')
  }
}

export class KitTransitionError extends Error {
  constructor(
    public from: KitOrderStatus,
    public to: KitOrderStatus
  ) {
    super(`A kit order cannot go from ${from} to ${to}`)
  }
}

/** A unique index refused the row (PostgreSQL unique_violation). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, constraint: name } = error as { code?: string; constraint?: string }
  return code === '23505' && (constraint === undefined || name === constraint)
}
