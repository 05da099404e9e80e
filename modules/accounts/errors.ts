/**
 * Refusals of the accounts use cases. Controllers turn them into the
 * form's page with a translated message.
 */
export class EmailTakenError extends Error {
  constructor() {
    super('This e-mail address already has an account')
  }
}

export class WrongPasswordError extends Error {
  constructor() {
    super('The current password is not correct')
  }
}

export class InvalidLinkError extends Error {
  constructor() {
    super('This link is invalid, expired or already used')
  }
}

/** PostgreSQL unique_violation, e.g. two sign-ups racing for one address. */
export function isUniqueViolation(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { code?: string }).code === '23505'
}
