import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { FormError } from '#app/forms/form_error'
import { feedViewerFor } from '#modules/feed/index'
import { conversationPath } from '#modules/messaging/index'
import { checkBeforePublishing } from '#modules/moderation/index'
import { residentHome } from '#modules/neighbourhoods/index'
import { mapCenterNear } from '#modules/exchanges/services/map_center'
import BookRide from '#modules/exchanges/actions/book_ride'
import CancelBooking from '#modules/exchanges/actions/cancel_booking'
import Exchange from '#modules/exchanges/models/exchange'
import { searchRides, type RideQuery } from '#modules/exchanges/queries/ride_search'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { parisParts, parisToday } from '#modules/exchanges/services/paris_time'
import { exchangeRefusal } from '#modules/exchanges/services/refusals'
import { exchangeSettings } from '#modules/exchanges/services/settings'
import { SHOW_VIEW, showPage } from '#modules/exchanges/services/show_page'
import {
  bookingValidator,
  rideSearchValidator,
} from '#modules/exchanges/validators/exchange_validators'
import { idParam } from '#app/http/route_id'

const SEARCH_VIEW = 'exchanges::pages/rides'

/**
 * Carpool rides: the search (destination near a point and a time window,
 * origin optional), booking seats and cancelling a booking.
 */
export default class RidesController {
  async search(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const qs = ctx.request.qs()
    const state = await this.searchState(userId, qs)
    /** The page's first visit: the form only. */
    if (qs.to_latitude === undefined && qs.to_longitude === undefined) {
      return ctx.view.render(SEARCH_VIEW, state)
    }
    const data = await this.readSearch(ctx, qs, state)
    const viewer = await feedViewerFor(userId, ctx.i18n.locale)
    const results = await searchRides(viewer, data)
    return ctx.view.render(SEARCH_VIEW, { ...state, searched: true, results, query: data })
  }

  async book(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    let conversationId: number | null
    try {
      const data = await this.validateBooking(ctx, id)
      /** The passenger's note opens the conversation with the driver: checked as a message. */
      if (data.message) {
        await checkBeforePublishing(ctx, {
          userId,
          kind: 'message',
          texts: [data.message],
          page: () => showPage(ctx, id),
        })
      }
      const exchange = await Exchange.find(id)
      const booking = await new BookRide().execute(userId, id, {
        seats: data.seats,
        message: data.message ?? null,
        defaultMessage: ctx.i18n.t('exchanges.booking.default_message', {
          seats: data.seats,
          title: exchange?.title ?? '',
        }),
      })
      conversationId = booking.conversationId
    } catch (error) {
      throw await exchangeRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', 'exchanges.flash.booked')
    return ctx.response.redirect(
      conversationId ? conversationPath(conversationId) : exchangePath(id)
    )
  }

  async cancelBooking(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    try {
      await new CancelBooking().execute(userId, id)
    } catch (error) {
      throw await exchangeRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', 'exchanges.flash.booking_cancelled')
    return ctx.response.redirect(exchangePath(id))
  }

  private async validateBooking(ctx: HttpContext, id: number) {
    try {
      return await bookingValidator.validate(ctx.request.all(), {
        messagesProvider: ctx.i18n.createMessagesProvider(),
      })
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      const fieldErrors: Record<string, string[]> = {}
      for (const item of error.messages as { field: string; message: string }[]) {
        ;(fieldErrors[item.field] ??= []).push(item.message)
      }
      const { state } = await showPage(ctx, id)
      throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
    }
  }

  private async readSearch(
    ctx: HttpContext,
    qs: Record<string, unknown>,
    state: Record<string, unknown>
  ): Promise<RideQuery> {
    const fieldErrors: Record<string, string[]> = {}
    const blank = (value: unknown) => (value === '' ? undefined : value)
    const data = Object.fromEntries(Object.entries(qs).map(([key, value]) => [key, blank(value)]))
    let input
    try {
      input = await rideSearchValidator.validate(data, {
        messagesProvider: ctx.i18n.createMessagesProvider(),
      })
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      for (const item of error.messages as { field: string; message: string }[]) {
        ;(fieldErrors[item.field] ??= []).push(item.message)
      }
      throw new FormError({ view: SEARCH_VIEW, state, fieldErrors })
    }
    const timeFrom = (input.time_from ?? '00:00').slice(0, 5)
    const timeUntil = (input.time_until ?? '23:59').slice(0, 5)
    if (timeUntil < timeFrom) {
      fieldErrors.time_until = [ctx.i18n.t('exchanges.form_errors.window')]
    }
    if (input.date < parisToday()) {
      fieldErrors.date = [ctx.i18n.t('exchanges.form_errors.search_past')]
    }
    if (Object.keys(fieldErrors).length)
      throw new FormError({ view: SEARCH_VIEW, state, fieldErrors })
    const { defaultRadiusKm } = exchangeSettings.rides.search
    return {
      to: {
        latitude: input.to_latitude,
        longitude: input.to_longitude,
        radiusKm: input.to_radius_km ?? defaultRadiusKm,
      },
      from:
        input.from_latitude !== undefined && input.from_longitude !== undefined
          ? {
              latitude: input.from_latitude,
              longitude: input.from_longitude,
              radiusKm: input.from_radius_km ?? defaultRadiusKm,
            }
          : null,
      day: input.date,
      timeFrom,
      timeUntil,
    }
  }

  /** The form shows what was searched, else today from now on, 3 km around each point. */
  private async searchState(userId: number, qs: Record<string, unknown>) {
    const home = await residentHome(userId)
    const now = parisParts(new Date())
    const typed = Object.fromEntries(
      Object.entries(qs).filter(([, value]) => typeof value === 'string' && value !== '')
    )
    return {
      searched: false,
      results: [],
      query: null,
      values: {
        date: now.day,
        time_from: now.time,
        time_until: '23:59',
        to_radius_km: exchangeSettings.rides.search.defaultRadiusKm,
        from_radius_km: exchangeSettings.rides.search.defaultRadiusKm,
        ...typed,
      },
      map: neighbourhoodsConfig.map,
      mapCenter: mapCenterNear(home),
      settings: exchangeSettings,
    }
  }
}
