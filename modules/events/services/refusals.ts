import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { EventNotFoundError, EventRefusal } from '#modules/events/services/errors'
import { pageNotFound } from '#app/http/page_not_found'

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
  if (error instanceof EventNotFoundError) pageNotFound()
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
