import type { HttpContext } from '@adonisjs/core/http'
import { residentHome } from '#modules/neighbourhoods/index'
import { upcomingVisibleEvents } from '#modules/events/queries/calendar_events'
import {
  calendarTokenOwner,
  renewCalendarToken,
  revokeCalendarToken,
} from '#modules/events/services/calendar_token'
import { calendarText } from '#modules/events/services/ics'
import { toIcsEvent } from '#modules/events/services/ics_event'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

/**
 * A resident's neighbourhood calendar, for calendar apps (which cannot
 * sign in): the token names the resident and opens only the events they
 * may see, from their own neighbourhood's address. Anything else, a
 * wrong token included, is a 404.
 */
export default class CalendarController {
  async feed(ctx: HttpContext) {
    const neighbourhoodId = idParam(ctx)
    const userId = await calendarTokenOwner(ctx.request.qs().token)
    if (userId === null) return pageNotFound()
    const home = await residentHome(userId)
    if (!home?.neighbourhoodId || home.neighbourhoodId !== neighbourhoodId) return pageNotFound()
    const events = await upcomingVisibleEvents(userId, { includeCancelled: true })
    const text = calendarText(events.map(toIcsEvent), {
      name: ctx.i18n.t('events.calendar.name'),
    })
    ctx.response.header('Content-Type', 'text/calendar; charset=utf-8')
    ctx.response.header('Cache-Control', 'private, max-age=300')
    return ctx.response.send(text)
  }

  /** A calendar link for the first time, or a new one (the old one stops working). */
  async renew(ctx: HttpContext) {
    await renewCalendarToken(Number(ctx.auth.getUserOrFail().id))
    ctx.session.flash('success', 'events.flash.calendar_renewed')
    return ctx.response.redirect('/events#calendar')
  }

  async revoke(ctx: HttpContext) {
    await revokeCalendarToken(Number(ctx.auth.getUserOrFail().id))
    ctx.session.flash('success', 'events.flash.calendar_revoked')
    return ctx.response.redirect('/events#calendar')
  }
}
