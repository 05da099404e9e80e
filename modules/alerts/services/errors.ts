/** Why a resident's alert request was refused (the controllers translate them). */

export class NotPlacedError extends Error {
  constructor() {
    super('the resident has no neighbourhood')
  }
}

/** 3 alerts per rolling 24 hours: the next one is possible at `nextAt`. */
export class AlertLimitError extends Error {
  constructor(public nextAt: Date) {
    super('daily alert limit reached')
  }
}

export class PlaceTooFarError extends Error {
  constructor() {
    super('the place is too far from the resident’s home')
  }
}

export class AlertNotFoundError extends Error {
  constructor() {
    super('no such alert for this resident')
  }
}

export class NotModeratorError extends Error {
  constructor() {
    super('only moderators of the neighbourhood and operators may do this')
  }
}

export class AlreadyRetractedError extends Error {
  constructor() {
    super('the alert is already retracted')
  }
}

/** SMS opt-in without a verified number (or on a site without SMS). */
export class SmsNotAvailableError extends Error {
  constructor(public why: 'phone_unverified' | 'not_verified' | 'sms_disabled') {
    super(`SMS alerts not available: ${why}`)
  }
}

export class NoPendingCodeError extends Error {
  constructor() {
    super('no phone code to check')
  }
}

export class CodeExpiredError extends Error {
  constructor() {
    super('the phone code expired or was tried too many times')
  }
}

export class WrongCodeError extends Error {
  constructor(public attemptsLeft: number) {
    super('wrong phone code')
  }
}

export class CodeTooSoonError extends Error {
  constructor(public seconds: number) {
    super('a code was sent moments ago')
  }
}

export class SmsSendFailedError extends Error {
  constructor() {
    super('the code could not be sent by SMS')
  }
}

export class PushEndpointRefusedError extends Error {
  constructor() {
    super('the push endpoint is not a known push service')
  }
}

/** Postgres unique violation on a given constraint or index. */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  const details = error as { code?: string; constraint?: string }
  return details?.code === '23505' && (!name || details.constraint === name)
}
