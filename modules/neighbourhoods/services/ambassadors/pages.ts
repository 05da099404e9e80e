import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { accounts } from '#modules/accounts/index'

/**
 * A refusal shown as the page again with a translated message (and the
 * status), like a refused form. The page state stays out of the logs a
 * 5xx would write (it holds delivery addresses and motivations).
 */
export function pageRefusal(options: {
  view: string
  state: Record<string, unknown>
  status: number
  message?: string
  fieldErrors?: Record<string, string[]>
}): FormError {
  const error = new FormError({
    view: options.view,
    state: options.state,
    status: options.status,
    formMessage: options.message,
    fieldErrors: options.fieldErrors,
  })
  Object.defineProperty(error, 'state', { enumerable: false })
  return error
}

/**
 * The numeric id of the URL (the route matcher only lets digits through);
 * one beyond what a bigint holds cannot exist: 404, not a database error.
 */
export function idParam(ctx: HttpContext, name = 'id'): number {
  const id = Number(ctx.params[name])
  if (!Number.isSafeInteger(id) || id <= 0) {
    ctx.response.abort(ctx.i18n.t('errors.pages.not_found.title'), 404)
  }
  return id
}

/** A short notice on the next page (the shared layout only knows flash.json keys). */
export function flashNotice(
  ctx: HttpContext,
  key: string,
  values: Record<string, string | number> = {}
) {
  ctx.session.flash('ambassadors', { key, ...values })
}

/**
 * The signed-in account's id as a number: users.id is a bigint, which pg
 * hands over as a string, so the User model's `id` is one at run time.
 */
export function viewerId(ctx: HttpContext): number {
  return Number(ctx.auth.getUserOrFail().id)
}

/** Display names keyed by numeric id (accounts.displayNames keys them as the model holds ids). */
export async function namesById(ids: number[]): Promise<Map<number, string>> {
  const names = await accounts.displayNames(ids)
  return new Map([...names].map(([id, name]) => [Number(id), name]))
}
