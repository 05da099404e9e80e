import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { ExchangeNotFoundError, ExchangeRefusal } from '#modules/exchanges/services/errors'
import { pageNotFound } from '#app/http/page_not_found'

/** An ExchangeRefusal's message in the request's language (a status named, not coded). */
export function refusalMessage(ctx: HttpContext, error: ExchangeRefusal): string {
  const values: Record<string, string | number> = { ...error.values }
  if (typeof values.status === 'string') {
    values.status = ctx.i18n.t(`exchanges.statuses.${values.status}`)
  }
  return ctx.i18n.t(`exchanges.errors.${error.reason}`, values)
}

/**
 * Turns what an action threw into what the resident sees: a 404, or the
 * page `view` again with the status and the message (beside its field
 * when it is about one). The state is only worked out when needed.
 * Anything else is returned unchanged, to be thrown.
 */
export async function exchangeRefusal(
  ctx: HttpContext,
  error: unknown,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>
): Promise<unknown> {
  if (error instanceof ExchangeNotFoundError) pageNotFound()
  if (error instanceof FormError) return error
  if (!(error instanceof ExchangeRefusal)) return error
  const { view, state } = await page()
  const message = refusalMessage(ctx, error)
  return pageRefusal({
    view,
    state,
    status: error.status,
    ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { message }),
  })
}
