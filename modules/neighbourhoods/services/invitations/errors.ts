/**
 * Refusals of the invitation use cases. Controllers turn them into the
 * page again with a translated message (never a 500).
 */
export class NoHomeError extends Error {
  constructor() {
    super('Only a resident placed in a neighbourhood can invite')
  }
}

export class NotVerifiedError extends Error {
  constructor() {
    super('Only verified residents can invite by SMS')
  }
}

export class SmsUnavailableError extends Error {
  constructor() {
    super('SMS are switched off on this site')
  }
}

export class DailyLimitError extends Error {
  constructor(public limit: number) {
    super(`At most ${limit} invitations of this kind per 24 hours`)
  }
}

export class AlreadyInvitedError extends Error {
  constructor() {
    super('This person already has a pending invitation from this resident')
  }
}

/** The address used a mail's "stop invitations" link: nothing is written or counted. */
export class RecipientOptedOutError extends Error {
  constructor() {
    super('This address asked not to receive invitations')
  }
}

/** The SMS provider refused or could not be reached: nothing was recorded. */
export class InvitationNotSentError extends Error {
  constructor(cause: unknown) {
    super('The invitation could not be sent', { cause })
  }
}
