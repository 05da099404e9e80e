import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { ModerationNotFoundError, ModerationRefusal } from '#modules/moderation/services/errors'
import { pageNotFound } from '#app/http/page_not_found'

export function viewerId(ctx: HttpContext): number {
  return Number(ctx.auth.getUserOrFail().id)
}

/**
 * What an action threw, as the resident sees it: a 404, or the page
 * again with the refusal's message. Anything else is returned to be thrown.
 */
export async function moderationRefusal(
  ctx: HttpContext,
  error: unknown,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>
): Promise<unknown> {
  if (error instanceof ModerationNotFoundError) pageNotFound()
  if (error instanceof FormError) return error
  if (!(error instanceof ModerationRefusal)) return error
  const { view, state } = await page()
  return pageRefusal({
    view,
    state,
    status: error.status,
    message: ctx.i18n.t(`moderation.errors.${error.code}`),
  })
}
