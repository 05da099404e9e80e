import type { HttpContext } from '@adonisjs/core/http'
import { SheetNotFoundError } from '#modules/group_buys/services/order_sheet_errors'

/** Unknown or not the viewer's to organise: the plain 404 page, so nothing leaks. */
export function sheetNotFound(ctx: HttpContext): never {
  return ctx.response.abort(ctx.i18n.t('errors.pages.not_found.title'), 404) as never
}

/** A route id: digits only by the route; one beyond a bigint cannot exist. */
export function sheetIdParam(ctx: HttpContext, name = 'id'): number {
  const id = Number(ctx.params[name])
  if (!Number.isSafeInteger(id) || id <= 0) sheetNotFound(ctx)
  return id
}

/** Runs a look-up, turning SheetNotFoundError into the 404 page. */
export async function orNotFound<T>(ctx: HttpContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof SheetNotFoundError) sheetNotFound(ctx)
    throw error
  }
}
