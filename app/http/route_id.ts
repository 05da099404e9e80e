import type { HttpContext } from '@adonisjs/core/http'
import { pageNotFound } from '#app/http/page_not_found'

/**
 * A numeric route parameter. Anything else, or one beyond what a bigint
 * key can hold, cannot name a row: the 404 page.
 */
export function idParam(ctx: HttpContext, name = 'id'): number {
  const raw = String(ctx.params[name] ?? '')
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(id) || id <= 0) pageNotFound()
  return id
}
