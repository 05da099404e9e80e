import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { EventNotFoundError, EventRefusal } from '#modules/events/services/errors'

/** Unknown or invisible event: the plain 404 page, so nothing leaks. */
export function notFound(ctx: HttpContext): never {
  return ctx.response.abort(ctx.i18n.t('errors.pages.not_found.title'), 404) as never
}

/** Digits only; one beyond a bigint cannot exist. */
export function idParam(ctx: HttpContext, name = 'id'): number {
  const raw = String(ctx.params[name] ?? '')
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(id) || id <= 0) notFound(ctx)
  return id
}

/**
 * Turns what an action threw into what the resident sees: a 404, or the
 * page `view` again with the status and the message (beside its field
 * when it is about one). Anything else is returned unchanged, to be thrown.
 */
export async function eventRefusal(
  ctx: HttpContext,
  error: unknown,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>
): Promise<unknown> {
  if (error instanceof EventNotFoundError) notFound(ctx)
  if (error instanceof FormError) return error
  if (!(error instanceof EventRefusal)) return error
  const { view, state } = await page()
  const message = ctx.i18n.t(`events.errors.${error.reason}`, error.values)
  return pageRefusal({
    view,
    state,
    status: error.status,
    ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { message }),
  })
}
