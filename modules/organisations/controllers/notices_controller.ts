import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'
import { checkBeforePublishing } from '#modules/moderation/index'
import { OFFICIAL_ALERTS_PER_DAY, OFFICIAL_ALERT_KINDS, SEVERITIES } from '#modules/alerts/index'
import { neighbourhoodNames, townNeighbourhoods } from '#modules/neighbourhoods/index'
import PublishNotice from '#modules/organisations/actions/publish_notice'
import ReplyToNotice from '#modules/organisations/actions/reply_to_notice'
import {
  managedOrganisation,
  findOrganisation,
} from '#modules/organisations/queries/organisation_access'
import {
  noticeNeighbourhoodIds,
  repliesOf,
  visibleNotice,
} from '#modules/organisations/queries/notices'
import { OrganisationNotFoundError } from '#modules/organisations/services/errors'
import { noticePath } from '#modules/organisations/services/links'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import { organisationSettings } from '#modules/organisations/services/settings'
import {
  noticeValidator,
  replyValidator,
} from '#modules/organisations/validators/organisation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const FORM_VIEW = 'organisations::pages/notice_form'
const SHOW_VIEW = 'organisations::pages/notice'

/**
 * Town hall notices: members write them; residents they are addressed to
 * read and reply. The notice page lists the replies: that is all of
 * residents' content a town hall ever reads here.
 */
export default class NoticesController {
  async create(ctx: HttpContext) {
    return ctx.view.render(FORM_VIEW, await this.formState(ctx, idParam(ctx)))
  }

  async store(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: FORM_VIEW, state: await this.formState(ctx, id) })
    await this.formState(ctx, id)
    const input = await validateOrgForm(ctx, noticeValidator, page)
    let noticeId: number
    try {
      noticeId = await new PublishNotice().execute(this.userId(ctx), id, {
        title: input.title,
        text: input.text,
        audience: input.audience,
        neighbourhoodIds:
          input.audience === 'neighbourhoods' ? (input.neighbourhood_ids ?? []) : [],
        pinnedUntil: input.pinned_until ?? null,
        alert: input.alert_kind
          ? { kind: input.alert_kind, severity: input.alert_severity ?? 'info' }
          : null,
      })
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash(
      'success',
      input.alert_kind
        ? 'organisations.flash.notice_alerted'
        : 'organisations.flash.notice_published'
    )
    return ctx.response.redirect(noticePath(id, noticeId))
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(
      SHOW_VIEW,
      await this.showState(ctx, idParam(ctx), idParam(ctx, 'noticeId'))
    )
  }

  async reply(ctx: HttpContext) {
    const id = idParam(ctx)
    const noticeId = idParam(ctx, 'noticeId')
    const page = async () => ({ view: SHOW_VIEW, state: await this.showState(ctx, id, noticeId) })
    await this.showState(ctx, id, noticeId)
    const { reply_text: text } = await validateOrgForm(ctx, replyValidator, page)
    const userId = this.userId(ctx)
    await checkBeforePublishing(ctx, { userId, kind: 'notice_reply', texts: [text], page })
    try {
      await new ReplyToNotice().execute(this.userId(ctx), id, noticeId, text)
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.replied')
    return ctx.response.redirect(`${noticePath(id, noticeId)}#replies`)
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async formState(ctx: HttpContext, id: number) {
    try {
      const { organisation } = await managedOrganisation(id, this.userId(ctx))
      if (organisation.kind === 'shop') throw new OrganisationNotFoundError()
      const official = organisation.kind === 'town_hall'
      return {
        organisation,
        official,
        neighbourhoods: await townNeighbourhoods(organisation.townId),
        values: { audience: 'town', alert_severity: 'urgent' },
        limits: organisationSettings.notice,
        alertKinds: official ? OFFICIAL_ALERT_KINDS : [],
        severities: SEVERITIES,
        alertsPerDay: OFFICIAL_ALERTS_PER_DAY,
      }
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }

  private async showState(ctx: HttpContext, id: number, noticeId: number) {
    try {
      const { notice, member } = await visibleNotice(id, noticeId, this.userId(ctx))
      const organisation = (await findOrganisation(id))!
      const [replies, chosen] = await Promise.all([
        repliesOf(noticeId),
        noticeNeighbourhoodIds(noticeId),
      ])
      const [names, places] = await Promise.all([
        accounts.displayNames(replies.map((reply) => reply.authorId)),
        neighbourhoodNames(chosen),
      ])
      return {
        organisation,
        notice,
        member,
        pinned: notice.pinnedUntil !== null && notice.pinnedUntil.getTime() > Date.now(),
        neighbourhoods: chosen.map((nid) => places.get(nid)?.name ?? '').filter(Boolean),
        replies: replies.map((reply) => ({
          ...reply,
          authorName: names.get(reply.authorId) ?? '',
        })),
        limits: organisationSettings.reply,
      }
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }
}
