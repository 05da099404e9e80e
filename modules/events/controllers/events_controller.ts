import type { HttpContext } from '@adonisjs/core/http'
import { appUrl } from '#config/app'
import { FormError } from '#app/forms/form_error'
import { checkBeforePublishing } from '#modules/moderation/index'
import CancelEvent from '#modules/events/actions/cancel_event'
import CreateEvent from '#modules/events/actions/create_event'
import UpdateEvent from '#modules/events/actions/update_event'
import { authoredEvent, visibleEvent } from '#modules/events/queries/event_access'
import { upcomingVisibleEvents } from '#modules/events/queries/calendar_events'
import { findEvent } from '#modules/events/queries/event_rows'
import { calendarToken } from '#modules/events/services/calendar_token'
import { badgeDate } from '#modules/events/services/dates'
import { EventRefusal } from '#modules/events/services/errors'
import {
  VALIDATOR_MESSAGES,
  readEventForm,
  validationErrors,
} from '#modules/events/services/event_form'
import { FORM_VIEW, defaultValues, formState, valuesOf } from '#modules/events/services/form_state'
import { calendarText } from '#modules/events/services/ics'
import { toIcsEvent } from '#modules/events/services/ics_event'
import { eventPath } from '#modules/events/services/links'
import { eventRefusal } from '#modules/events/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/events/services/show_page'
import { cancelValidator } from '#modules/events/validators/event_validators'
import { residentHome } from '#modules/neighbourhoods/index'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INDEX_VIEW = 'events::pages/index'

/**
 * Events: the list of upcoming ones, writing, reading, editing and
 * cancelling one, and its iCalendar file. A refused form comes back with
 * its messages and what was typed; nothing is written.
 */
export default class EventsController {
  async index(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const locale = ctx.i18n.locale
    const [events, token, home] = await Promise.all([
      upcomingVisibleEvents(userId, { limit: 100 }),
      calendarToken(userId),
      residentHome(userId),
    ])
    const calendarUrl =
      token && home?.neighbourhoodId
        ? new URL(`/neighbourhoods/${home.neighbourhoodId}/events.ics?token=${token}`, appUrl).href
        : null
    return ctx.view.render(INDEX_VIEW, {
      events: events.map((event) => ({
        id: event.id,
        title: event.title,
        placeLabel: event.placeLabel,
        when: badgeDate(event.startsAt, locale),
        category: event.category,
      })),
      calendarUrl,
      placed: Boolean(home?.neighbourhoodId),
    })
  }

  async create(ctx: HttpContext) {
    return ctx.view.render(FORM_VIEW, await formState(ctx, { values: defaultValues() }))
  }

  async store(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const page = async () => ({
      view: FORM_VIEW,
      state: await formState(ctx, { values: defaultValues() }),
    })
    let id: number
    try {
      const { input, fieldErrors } = await readEventForm(ctx.request.all(), ctx.i18n)
      if (!input) throw new FormError({ ...(await page()), fieldErrors })
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'event',
        texts: [input.title, input.description, input.placeLabel],
        page,
      })
      id = await new CreateEvent().execute({ kind: 'resident', userId }, input)
    } catch (error) {
      throw await eventRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'events.flash.created')
    return ctx.response.redirect(eventPath(id))
  }

  async show(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      const { view, state } = await showPage(ctx, id)
      return ctx.view.render(view, state)
    } catch (error) {
      throw await eventRefusal(ctx, error, async () => pageNotFound())
    }
  }

  /** The event as an iCalendar file (same access as its page). */
  async ics(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      const event = await visibleEvent(id, this.userId(ctx))
      const text = calendarText([toIcsEvent(event)], { name: event.title })
      ctx.response.header('Content-Type', 'text/calendar; charset=utf-8')
      ctx.response.header('Content-Disposition', `attachment; filename="event-${id}.ics"`)
      ctx.response.header('Cache-Control', 'private, no-store')
      return ctx.response.send(text)
    } catch (error) {
      throw await eventRefusal(ctx, error, async () => pageNotFound())
    }
  }

  async edit(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      const event = await authoredEvent(id, this.userId(ctx))
      this.assertEditable(event)
      return ctx.view.render(FORM_VIEW, await formState(ctx, { values: valuesOf(event), event }))
    } catch (error) {
      throw await eventRefusal(ctx, error, () => showPage(ctx, id))
    }
  }

  async update(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const event = await authoredEvent(id, userId)
      this.assertEditable(event)
      const { input, fieldErrors } = await readEventForm(ctx.request.all(), ctx.i18n, {
        startedAt: event.startsAt,
      })
      if (!input) {
        const state = await formState(ctx, { values: valuesOf(event), event })
        throw new FormError({ view: FORM_VIEW, state, fieldErrors })
      }
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'event',
        edit: true,
        texts: [input.title, input.description, input.placeLabel],
        page: async () => ({
          view: FORM_VIEW,
          state: await formState(ctx, { values: valuesOf(event), event }),
        }),
      })
      await new UpdateEvent().execute(userId, id, input)
    } catch (error) {
      /** The author gets the form again; someone else the event's page, with the message. */
      throw await eventRefusal(ctx, error, async () => {
        const event = await findEvent(id)
        if (!event || event.authorId !== userId) return showPage(ctx, id)
        return { view: FORM_VIEW, state: await formState(ctx, { values: valuesOf(event), event }) }
      })
    }
    ctx.session.flash('success', 'events.flash.updated')
    return ctx.response.redirect(eventPath(id))
  }

  async cancel(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      await authoredEvent(id, userId)
      let reason: string
      try {
        ;({ reason } = await cancelValidator.validate(ctx.request.all(), {
          messagesProvider: ctx.i18n.createMessagesProvider(VALIDATOR_MESSAGES),
        }))
      } catch (error) {
        const fieldErrors = validationErrors(error)
        if (!fieldErrors) throw error
        const { state } = await showPage(ctx, id)
        throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
      }
      await new CancelEvent().execute(userId, id, reason)
    } catch (error) {
      throw await eventRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', 'events.flash.cancelled')
    return ctx.response.redirect(eventPath(id))
  }

  private assertEditable(event: { status: string; endsAt: Date }) {
    if (event.status === 'cancelled') throw new EventRefusal('cancelled', 409)
    if (event.endsAt <= new Date()) throw new EventRefusal('ended', 409)
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }
}
