import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import { checkBeforePublishing } from '#modules/moderation/index'
import { neighbourhoodNames, residentHome } from '#modules/neighbourhoods/index'
import { authorNameFor, authorizeTrust, trustLevel } from '#modules/verification/index'
import PublishAlert from '#modules/alerts/actions/publish_alert'
import RaiseAlert from '#modules/alerts/actions/raise_alert'
import RetractAlert from '#modules/alerts/actions/retract_alert'
import { findAlert } from '#modules/alerts/queries/alert_record'
import { alertsOf, recentAlertCount } from '#modules/alerts/queries/alert_list'
import { deliveryCounts } from '#modules/alerts/queries/delivery_counts'
import { alertAccess } from '#modules/alerts/services/access'
import {
  AlertLimitError,
  AlertNotFoundError,
  AlreadyRetractedError,
  NotModeratorError,
  NotPlacedError,
  PlaceTooFarError,
} from '#modules/alerts/services/errors'
import { alertsChannel } from '#modules/alerts/services/live'
import { circleGeoJson, namesById, viewerId } from '#modules/alerts/services/pages'
import {
  ALERT_KINDS,
  CHANNELS,
  SEVERITIES,
  VEHICLE_KINDS,
  alertSettings,
  needsGuard,
  type AlertKind,
} from '#modules/alerts/services/settings'
import {
  newAlertQueryValidator,
  raiseAlertValidator,
  retractValidator,
} from '#modules/alerts/validators/alert_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INDEX_VIEW = 'alerts::pages/index'
const NEW_VIEW = 'alerts::pages/new'
const SHOW_VIEW = 'alerts::pages/show'

const isKind = (value: unknown): value is AlertKind =>
  typeof value === 'string' && (ALERT_KINDS as readonly string[]).includes(value)

/**
 * A neighbourhood's alerts: the list, raising one (verified residents:
 * kind, then for suspicious behaviour a guard screen, then the form), one
 * alert's page (its delivery counts for the author and moderators), its
 * retraction by a moderator, and what open pages listen to.
 */
@inject()
export default class AlertsController {
  constructor(
    private raise: RaiseAlert,
    private publish: PublishAlert,
    private retraction: RetractAlert
  ) {}

  async index(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const home = await residentHome(userId)
    const before = Number(ctx.request.qs().before)
    if (!home || home.neighbourhoodId === null) {
      return ctx.view.render(INDEX_VIEW, { placed: false, alerts: [], canRaise: false })
    }
    const [page, level, names] = await Promise.all([
      alertsOf(
        home.neighbourhoodId,
        Number.isSafeInteger(before) && before > 0 ? before : undefined
      ),
      trustLevel(userId),
      neighbourhoodNames([home.neighbourhoodId]),
    ])
    const authors = await namesById(
      page.alerts.map((alert) => alert.authorId).filter((id): id is number => id !== null)
    )
    return ctx.view.render(INDEX_VIEW, {
      placed: true,
      neighbourhood: names.get(home.neighbourhoodId)?.name ?? '',
      alerts: page.alerts.map((alert) => ({
        ...alert,
        authorName: alert.authorId ? authorNameFor(authors.get(alert.authorId) ?? '', level) : null,
      })),
      nextBefore: page.nextBefore,
      canRaise: level === 'verified',
    })
  }

  async create(ctx: HttpContext) {
    const userId = viewerId(ctx)
    await authorizeTrust(userId, 'raise_alert')
    let query: { kind?: AlertKind; guard?: 'read' } = {}
    try {
      query = await ctx.request.validateUsing(newAlertQueryValidator, { data: ctx.request.qs() })
    } catch {
      /** An unknown kind in the URL: start again from the choice of kinds. */
    }
    return ctx.view.render(
      NEW_VIEW,
      await this.formState(userId, query.kind, query.guard === 'read')
    )
  }

  async store(ctx: HttpContext) {
    const userId = viewerId(ctx)
    await authorizeTrust(userId, 'raise_alert')
    const rawKind = ctx.request.input('alert_kind')
    const guardRead = ['1', 'on', 'true', 'yes'].includes(
      String(ctx.request.input('guard_acknowledged'))
    )
    const state = await this.formState(userId, isKind(rawKind) ? rawKind : undefined, guardRead)
    const data = await validateForm(ctx, raiseAlertValidator, NEW_VIEW, state)
    /** Urgent, yet read on phones: new residents' limits and the reminder apply. */
    await checkBeforePublishing(ctx, {
      userId,
      kind: 'alert',
      texts: [data.alert_text, data.alert_direction ?? '', data.alert_vehicle_details ?? ''],
      page: async () => ({ view: NEW_VIEW, state }),
    })
    try {
      const { alert, outboxId } = await this.raise.execute(userId, {
        kind: data.alert_kind,
        severity: data.alert_severity,
        text: data.alert_text,
        latitude: data.place_latitude ?? null,
        longitude: data.place_longitude ?? null,
        behaviour: data.alert_behaviour ?? null,
        direction: data.alert_direction ?? null,
        vehicleKind: data.alert_vehicle_kind ?? null,
        vehicleDetails: data.alert_vehicle_details ?? null,
      })
      await this.publish.execute(outboxId)
      ctx.session.flash('success', 'alerts.flash.raised')
      return ctx.response.redirect().toRoute('alerts.show', { id: alert.id })
    } catch (error) {
      throw this.refusal(ctx, error, state)
    }
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(SHOW_VIEW, await this.showState(ctx))
  }

  async retract(ctx: HttpContext) {
    const state = await this.showState(ctx)
    if (!state.access.canModerate) {
      throw pageRefusal({
        view: SHOW_VIEW,
        state,
        status: 403,
        message: ctx.i18n.t('alerts.errors.not_moderator'),
      })
    }
    const { retract_reason: reason } = await validateForm(ctx, retractValidator, SHOW_VIEW, state)
    try {
      await this.retraction.execute(state.alert.id, viewerId(ctx), reason)
    } catch (error) {
      if (error instanceof AlertNotFoundError) return pageNotFound()
      if (error instanceof NotModeratorError || error instanceof AlreadyRetractedError) {
        throw pageRefusal({
          view: SHOW_VIEW,
          state,
          status: error instanceof NotModeratorError ? 403 : 409,
          message: ctx.i18n.t(
            error instanceof NotModeratorError
              ? 'alerts.errors.not_moderator'
              : 'alerts.errors.already_retracted'
          ),
        })
      }
      throw error
    }
    ctx.session.flash('success', 'alerts.flash.retracted')
    return ctx.response.redirect().toRoute('alerts.show', { id: state.alert.id })
  }

  /** For resources/js/alerts/live.js: which channel this page listens to, and its words. */
  async live(ctx: HttpContext) {
    const home = await residentHome(viewerId(ctx))
    const t = (key: string) => ctx.i18n.t(`alerts.toast.${key}`)
    return ctx.response.header('cache-control', 'no-store').send({
      channel: home?.neighbourhoodId ? alertsChannel(home.neighbourhoodId) : null,
      labels: { region: t('region'), open: t('open'), close: t('close') },
    })
  }

  private async formState(userId: number, kind: AlertKind | undefined, guardRead: boolean) {
    const home = await residentHome(userId)
    const recent = await recentAlertCount(userId)
    const step = !kind ? 'kind' : needsGuard(kind) && !guardRead ? 'guard' : 'form'
    return {
      step,
      kind: kind ?? null,
      kinds: ALERT_KINDS,
      severities: SEVERITIES,
      vehicles: VEHICLE_KINDS,
      textMax: alertSettings.textMax,
      remaining: Math.max(0, alertSettings.perResidentPerDay - recent),
      perDay: alertSettings.perResidentPerDay,
      center: home ? `${home.latitude},${home.longitude}` : '46.6,2.4',
      map: neighbourhoodsConfig.map,
    }
  }

  private async showState(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const alert = await findAlert(idParam(ctx))
    if (!alert) return pageNotFound()
    const access = await alertAccess(userId, alert)
    if (!access.canSee) return pageNotFound()
    const [level, names, people, counts] = await Promise.all([
      trustLevel(userId),
      neighbourhoodNames([alert.neighbourhoodId]),
      namesById([alert.authorId, alert.retractedById].filter((id): id is number => id !== null)),
      access.canModerate || access.isAuthor ? deliveryCounts(alert.id) : null,
    ])
    return {
      alert,
      access,
      neighbourhood: names.get(alert.neighbourhoodId)?.name ?? '',
      authorName: alert.authorId ? authorNameFor(people.get(alert.authorId) ?? '', level) : null,
      retractedByName: alert.retractedById ? (people.get(alert.retractedById) ?? null) : null,
      counts,
      channels: CHANNELS,
      placeArea: alert.shownPlace
        ? circleGeoJson(alert.shownPlace, alertSettings.fuzzGridM * 0.75)
        : null,
      map: neighbourhoodsConfig.map,
    }
  }

  private refusal(
    ctx: HttpContext,
    error: unknown,
    state: Awaited<ReturnType<AlertsController['formState']>>
  ): unknown {
    const t = (key: string, values?: Record<string, unknown>) =>
      ctx.i18n.t(`alerts.errors.${key}`, values)
    if (error instanceof AlertLimitError) {
      return pageRefusal({
        view: NEW_VIEW,
        state: { ...state, remaining: 0 },
        status: 429,
        message: t('daily_limit', {
          max: alertSettings.perResidentPerDay,
          time: ctx.i18n.formatDate(error.nextAt, {
            timeStyle: 'short',
            dateStyle: 'short',
            timeZone: alertSettings.timeZone,
          }),
        }),
      })
    }
    if (error instanceof NotPlacedError) {
      return pageRefusal({ view: NEW_VIEW, state, status: 409, message: t('not_placed') })
    }
    if (error instanceof PlaceTooFarError) {
      return pageRefusal({
        view: NEW_VIEW,
        state,
        status: 422,
        fieldErrors: {
          place_latitude: [t('place_too_far', { km: alertSettings.placeMaxDistanceM / 1000 })],
        },
      })
    }
    return error
  }
}
