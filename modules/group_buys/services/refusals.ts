import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { GroupBuyNotFoundError, GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { formatQuantity } from '#modules/group_buys/services/pricing'
import { UNITS, type Unit } from '#modules/group_buys/services/settings'
import { pageNotFound } from '#app/http/page_not_found'

/**
 * A refusal's message in the request's language: states named, not
 * coded; quantities (`...Milli` values, with `unit`) written out.
 */
export function refusalMessage(ctx: HttpContext, error: GroupBuyRefusal): string {
  const values: Record<string, string | number> = {}
  const unit = (UNITS as readonly unknown[]).includes(error.values.unit)
    ? (error.values.unit as Unit)
    : null
  for (const [key, value] of Object.entries(error.values)) {
    if (['status', 'from', 'to'].includes(key) && typeof value === 'string') {
      values[key] = ctx.i18n.t(`group_buys.statuses.${value}`)
    } else if (key.endsWith('Milli') && unit && typeof value === 'number') {
      values[key.slice(0, -'Milli'.length)] = formatQuantity(value, unit, ctx.i18n.locale)
    } else {
      values[key] = value
    }
  }
  return ctx.i18n.t(`group_buys.errors.${error.reason}`, values)
}

/**
 * Turns what an action threw into what the resident sees: a 404, or the
 * page `view` again with the status and the message (beside its field
 * when it is about one). The state is only worked out when needed.
 * Anything else is returned unchanged, to be thrown.
 */
export async function groupBuyRefusal(
  ctx: HttpContext,
  error: unknown,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>
): Promise<unknown> {
  if (error instanceof GroupBuyNotFoundError) pageNotFound()
  if (error instanceof FormError) return error
  if (!(error instanceof GroupBuyRefusal)) return error
  const { view, state } = await page()
  const message = refusalMessage(ctx, error)
  return pageRefusal({
    view,
    state,
    status: error.status,
    ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { message }),
  })
}
