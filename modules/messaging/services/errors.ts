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
    return refusedPage(ctx, 403, message)
  }
}

/**
 * The other participant erased their account: the conversation stays
 * readable but nobody writes into it. A 409 (the conversation exists, its
 * state forbids it); the thread page catches it to show itself with the
 * same message, other callers get this page (or JSON).
 */
export class RecipientGoneError extends Exception {
  static status = 409
  static code = 'E_MESSAGING_RECIPIENT_GONE'

  constructor() {
    super('the other resident erased their account')
  }

  async handle(_error: RecipientGoneError, ctx: HttpContext) {
    return refusedPage(ctx, 409, ctx.i18n.t('messaging.errors.former_resident'))
  }
}

async function refusedPage(ctx: HttpContext, status: number, message: string) {
  if (ctx.request.accepts(['html', 'json']) === 'json') {
    return ctx.response.status(status).send({ message })
  }
  const html = await ctx.view.render('messaging::pages/refused', { message, status })
  return ctx.response.status(status).header('content-type', 'text/html; charset=utf-8').send(html)
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
