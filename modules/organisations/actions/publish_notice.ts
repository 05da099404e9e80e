import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  OFFICIAL_ALERTS_PER_DAY,
  OfficialAlertLimitError,
  raiseOfficialAlert,
  type OfficialAlertInput,
  type OfficialAlertKind,
  type Severity,
} from '#modules/alerts/index'
import { announceFeedItem } from '#modules/feed/index'
import {
  findOrganisation,
  managedOrganisation,
} from '#modules/organisations/queries/organisation_access'
import { townNeighbourhoods } from '#modules/neighbourhoods/index'
import { noticeAudienceIds } from '#modules/organisations/queries/notices'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import { noticePath } from '#modules/organisations/services/links'
import { addDays, endOfParisDay, parisToday } from '#modules/organisations/services/paris_time'
import { organisationSettings } from '#modules/organisations/services/settings'

export interface NoticeInput {
  title: string
  text: string
  audience: 'town' | 'neighbourhoods'
  neighbourhoodIds: number[]
  pinnedUntil: string | null
  /** Town halls only: also raise it as an official alert to the same neighbourhoods. */
  alert?: { kind: OfficialAlertKind; severity: Severity } | null
}

export const NOTICES_SOURCE = 'notices'

/**
 * A verified town hall posts an official notice to its whole town or to
 * chosen neighbourhoods of its town (never beyond), optionally pinned
 * until a date (the end of that Paris day) and optionally raised as an
 * official alert to the same neighbourhoods (written in the same
 * transaction, its fan-out started after the commit). A verified
 * association posts the same way (its posts: the same rows, never
 * pinned, never alerts; the feed tells them apart by the author's kind).
 */
export default class PublishNotice {
  async execute(
    userId: number,
    organisationId: number,
    input: NoticeInput,
    options: { now?: Date } = {}
  ): Promise<number> {
    const now = options.now ?? new Date()
    if (input.pinnedUntil) {
      const today = parisToday(now)
      if (input.pinnedUntil < today) {
        throw new OrganisationRefusal('pin_past', 422, {}, 'pinned_until')
      }
      if (input.pinnedUntil > addDays(today, organisationSettings.notice.maxPinDays)) {
        throw new OrganisationRefusal(
          'pin_too_long',
          422,
          { days: organisationSettings.notice.maxPinDays },
          'pinned_until'
        )
      }
    }
    const { id: noticeId, raised } = await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const townHall = await findOrganisation(organisationId, { trx, forUpdate: true })
      if (!townHall || townHall.kind === 'shop') throw new OrganisationNotFoundError()
      if (townHall.verificationStatus !== 'verified') {
        throw new OrganisationRefusal('not_verified', 403)
      }
      const official = townHall.kind === 'town_hall'
      if (input.alert && !official) throw new OrganisationRefusal('wrong_kind', 403)
      const chosen = [...new Set(input.neighbourhoodIds)]
      const town = await townNeighbourhoods(townHall.townId, trx)
      const townIds = town.map((neighbourhood) => neighbourhood.id)
      if (input.audience === 'neighbourhoods') {
        if (chosen.length === 0) {
          throw new OrganisationRefusal('no_neighbourhoods', 422, {}, 'neighbourhood_ids')
        }
        const own = new Set(townIds)
        if (!chosen.every((id) => own.has(id))) {
          throw new OrganisationRefusal('bad_neighbourhoods', 422, {}, 'neighbourhood_ids')
        }
      }
      const [inserted] = await trx
        .table('notices')
        .insert({
          organisation_id: organisationId,
          town_id: townHall.townId,
          title: input.title,
          text: input.text,
          whole_town: input.audience === 'town',
          pinned_until: official && input.pinnedUntil ? endOfParisDay(input.pinnedUntil) : null,
          author_id: userId,
          published_at: now,
          created_at: now,
        })
        .returning('id')
      const id = Number(inserted.id ?? inserted)
      if (input.audience === 'neighbourhoods') {
        await trx
          .table('notice_neighbourhoods')
          .multiInsert(
            chosen.map((neighbourhoodId) => ({ notice_id: id, neighbourhood_id: neighbourhoodId }))
          )
      }
      const alert = input.alert
        ? await this.raiseAlert(trx, {
            organisationId,
            organisationName: townHall.name,
            userId,
            neighbourhoodIds: input.audience === 'town' ? townIds : chosen,
            ...input.alert,
            text: `${input.title} : ${input.text}`,
            noticePath: noticePath(organisationId, id),
          })
        : null
      return { id, raised: alert }
    })
    if (raised) await raised.publish()
    for (const neighbourhoodId of await noticeAudienceIds(noticeId)) {
      await announceFeedItem({ source: NOTICES_SOURCE, neighbourhoodId, scope: 'neighbourhood' })
    }
    return noticeId
  }

  /** The official alert, its daily cap told as a refusal with the next possible time. */
  private async raiseAlert(trx: TransactionClientContract, input: OfficialAlertInput) {
    try {
      return await raiseOfficialAlert(input, { trx })
    } catch (error) {
      if (!(error instanceof OfficialAlertLimitError)) throw error
      throw new OrganisationRefusal(
        'alert_cap',
        409,
        { max: OFFICIAL_ALERTS_PER_DAY },
        'alert_kind'
      )
    }
  }
}
