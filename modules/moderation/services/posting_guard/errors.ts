import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

type Translator = { t(key: string, values?: Record<string, unknown>): string; locale: string }

/** "26 November 2026 at 18:40", on a French clock, in the reader's language. */
function moment(i18n: Translator, date: Date): string {
  return new Intl.DateTimeFormat(i18n.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date)
}

/**
 * A new resident's post that the limits refuse. Controllers that check
 * before the action show it on the form again (checkBeforePublishing);
 * if it is thrown from inside an action (two posts racing for the last
 * place), it renders itself as a page with the same message.
 */
export abstract class PostingGuardError extends Exception {
  abstract readonly reason: 'limit' | 'links'

  constructor(
    /** When the resident may post again (limit) or post links (links). */
    public until: Date,
    public status: 422 | 429
  ) {
    super(`posting refused until ${until.toISOString()}`, { status })
  }

  messageFor(i18n: Translator): string {
    return i18n.t(`kindness.new_resident.${this.reason}`, { until: moment(i18n, this.until) })
  }

  async handle(error: PostingGuardError, ctx: HttpContext) {
    const message = error.messageFor(ctx.i18n)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(error.status).send({ message })
    }
    const html = await ctx.view.render('moderation::pages/posting_refused', {
      status: error.status,
      message,
    })
    return ctx.response
      .status(error.status)
      .header('content-type', 'text/html; charset=utf-8')
      .send(html)
  }
}

/** Five posts in the last 24 hours from an account under a week old (429). */
export class PostingLimitError extends PostingGuardError {
  readonly reason = 'limit'
  static code = 'E_POSTING_LIMIT'

  constructor(until: Date) {
    super(until, 429)
  }
}

/** A link from an account under a week old (422: the text can be changed). */
export class LinksNotAllowedError extends PostingGuardError {
  readonly reason = 'links'
  static code = 'E_LINKS_NOT_ALLOWED'

  constructor(until: Date) {
    super(until, 422)
  }
}
