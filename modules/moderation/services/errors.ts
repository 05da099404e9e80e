/** The content, report or appeal is not there for this resident (a 404: nothing leaks). */
export class ModerationNotFoundError extends Error {
  constructor() {
    super('moderation: not found')
  }
}

/**
 * A refusal a person can act on, with its translation key
 * (moderation.errors.<code>) and HTTP status.
 */
export class ModerationRefusal extends Error {
  constructor(
    public code:
      | 'already_reported'
      | 'own_content'
      | 'content_gone'
      | 'no_author'
      | 'already_appealed'
      | 'appeal_decided'
      | 'not_appealable',
    public status = 409
  ) {
    super(`moderation: ${code}`)
  }
}
