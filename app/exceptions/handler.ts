import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { FormError } from '#app/forms/form_error'
import { PageNotFoundError } from '#app/http/page_not_found'
import { ensureRequestI18n } from '#app/i18n/locale'
import stringHelpers from '@adonisjs/core/helpers/string'
import bodyParserConfig from '#config/bodyparser'

/** Fields never echoed back into a re-rendered form (a postcode is not a code). */
const SECRET_FIELD = /password|token|_csrf|(^|_)code$/i

/** The multipart body limit, the largest any form accepts. */
const BODY_LIMIT_BYTES =
  stringHelpers.bytes.parse(bodyParserConfig.multipart.limit ?? '10mb') ?? 10 * 1024 * 1024

function codeOf(error: unknown): string | undefined {
  return error && typeof error === 'object' ? (error as { code?: string }).code : undefined
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /**
   * Translated error pages for people; JSON clients get JSON instead.
   * In development a 500 shows the stack trace page.
   */
  protected renderStatusPages = true

  /** A 404 for something unknown or not the viewer's is an answer, not an incident. */
  protected ignoreCodes = ['E_PAGE_NOT_FOUND']

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, ctx) => this.renderErrorPage(ctx, 'forbidden'),
    '404': (_, ctx) => this.renderErrorPage(ctx, 'not_found'),
    '429': (_, ctx) => this.renderErrorPage(ctx, 'too_many_requests'),
    ...(app.inProduction
      ? { '500..599': (_: unknown, ctx: HttpContext) => this.renderErrorPage(ctx, 'server_error') }
      : {}),
  }

  private renderErrorPage(ctx: HttpContext, page: string, state: Record<string, unknown> = {}) {
    ensureRequestI18n(ctx)
    return ctx.view.render(`pages/errors/${page}`, state)
  }

  private wantsJson(ctx: HttpContext) {
    return ctx.request.accepts(['html', 'json']) === 'json'
  }

  async handle(error: unknown, ctx: HttpContext) {
    const i18n = ensureRequestI18n(ctx)

    /** A form that cannot be accepted: same page again, with messages. */
    if (error instanceof FormError) {
      if (this.wantsJson(ctx)) {
        return ctx.response.status(error.status).send({
          message: error.formMessage ?? i18n.t('errors.form_invalid'),
          errors: error.fieldErrors,
        })
      }
      const values = Object.fromEntries(
        Object.entries(ctx.request.all()).filter(([key]) => !SECRET_FIELD.test(key))
      )
      /** Shared (not passed) so that the form components see them too. */
      ctx.view.share({
        formErrors: error.fieldErrors,
        formValues: values,
        formMessage: error.formMessage,
      })
      const html = await ctx.view.render(error.view, error.state)
      return ctx.response
        .status(error.status)
        .header('content-type', 'text/html; charset=utf-8')
        .send(html)
    }

    /** Unknown, or not for this viewer: the site's 404 page, or a translated JSON message. */
    if (error instanceof PageNotFoundError) {
      if (this.wantsJson(ctx)) {
        return ctx.response.status(404).send({ message: i18n.t('errors.pages.not_found.title') })
      }
      return ctx.response
        .status(404)
        .header('content-type', 'text/html; charset=utf-8')
        .send(await this.renderErrorPage(ctx, 'not_found'))
    }

    /** Missing or stale CSRF token: say so instead of silently bouncing back. */
    if (codeOf(error) === 'E_BAD_CSRF_TOKEN') {
      const message = i18n.t('errors.csrf')
      if (this.wantsJson(ctx)) return ctx.response.forbidden({ message })
      return ctx.response.status(403).send(await this.renderErrorPage(ctx, 'csrf'))
    }

    /** Rate limit: readable page (or JSON) with the retry delay. */
    if (codeOf(error) === 'E_TOO_MANY_REQUESTS') {
      const limitError = error as {
        getDefaultHeaders(): Record<string, string | number>
        response: { availableIn: number }
      }
      const headers = limitError.getDefaultHeaders()
      Object.entries(headers).forEach(([name, value]) => ctx.response.header(name, value))
      const minutes = Math.max(1, Math.ceil(limitError.response.availableIn / 60))
      const message = i18n.t('errors.too_many_requests', { minutes })
      if (this.wantsJson(ctx)) return ctx.response.status(429).send({ message })
      return ctx.response
        .status(429)
        .send(await this.renderErrorPage(ctx, 'too_many_requests', { minutes }))
    }

    /**
     * A body over the body parser's limit (config/bodyparser.ts), e.g. a
     * file too big for any form: say so plainly. Thrown before the session
     * and Shield run, so the page renders without them.
     */
    if (codeOf(error) === 'E_REQUEST_ENTITY_TOO_LARGE') {
      const max = Math.round(BODY_LIMIT_BYTES / (1024 * 1024))
      const message = i18n.t('errors.too_large', { max })
      if (this.wantsJson(ctx)) return ctx.response.status(413).send({ message })
      return ctx.response
        .status(413)
        .header('content-type', 'text/html; charset=utf-8')
        .send(await this.renderErrorPage(ctx, 'too_large', { max }))
    }

    /** Bouncer refusals. */
    if (codeOf(error) === 'E_AUTHORIZATION_FAILURE') {
      const message = i18n.t('errors.forbidden')
      if (this.wantsJson(ctx)) return ctx.response.forbidden({ message })
      return ctx.response.status(403).send(await this.renderErrorPage(ctx, 'forbidden'))
    }

    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
