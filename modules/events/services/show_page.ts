import type { HttpContext } from '@adonisjs/core/http'
import { visibleEvent } from '#modules/events/queries/event_access'
import { eventPageState } from '#modules/events/queries/event_page'

export const SHOW_VIEW = 'events::pages/show'

/** The event's page for the signed-in viewer (a 404 error when they may not see it). */
export async function showPage(ctx: HttpContext, id: number) {
  const userId = Number(ctx.auth.getUserOrFail().id)
  const event = await visibleEvent(id, userId)
  return { view: SHOW_VIEW, state: await eventPageState(event, userId, ctx.i18n.locale) }
}
