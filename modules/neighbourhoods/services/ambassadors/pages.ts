import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'

export { pageRefusal } from '#app/forms/page_refusal'

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
