import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * One of the two residents blocked the other: no message either way.
 * Uncaught, it renders itself as a 403 page (or JSON) saying so; the
 * messaging pages catch it to show the thread with the same message.
 */
export class BlockedError extends Exception {
  static status = 403
  static code = 'E_MESSAGING_BLOCKED'

  constructor() {
    super('one of the residents blocked the other')
  }

  async handle(_error: BlockedError, ctx: HttpContext) {
    const message = ctx.i18n.t('messaging.errors.blocked')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(403).send({ message })
    }
    const html = await ctx.view.render('messaging::pages/refused', { message })
    return ctx.response.status(403).header('content-type', 'text/html; charset=utf-8').send(html)
  }
}

/**
 * The resident is not part of the conversation. A 404 (the status page),
 * never a 403, so a conversation's existence does not leak.
 */
export class NotParticipantError extends Exception {
  static status = 404
  static code = 'E_NOT_PARTICIPANT'

  constructor() {
    super('not a participant of this conversation')
  }
}

/**
 * Nobody to write to: the recipient has no account or no home (only
 * residents talk to each other), or is the sender. A 404 like an unknown
 * resident, so nothing is learnt about the account.
 */
export class RecipientUnavailableError extends Exception {
  static status = 404
  static code = 'E_RECIPIENT_UNAVAILABLE'

  constructor() {
    super('no resident to write to')
  }
}

/** A message body outside 1..2000 characters once trimmed (API callers). */
export class InvalidMessageError extends Exception {
  static status = 422
  static code = 'E_INVALID_MESSAGE'

  constructor() {
    super('a message is 1 to 2000 characters of text')
  }
}
