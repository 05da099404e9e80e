import db from '@adonisjs/lucid/services/db'
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
import { addDays, endOfParisDay, parisToday } from '#modules/organisations/services/paris_time'
import { organisationSettings } from '#modules/organisations/services/settings'

export interface NoticeInput {
  title: string
  text: string
  audience: 'town' | 'neighbourhoods'
  neighbourhoodIds: number[]
  pinnedUntil: string | null
}

export const NOTICES_SOURCE = 'notices'

/**
 * A verified town hall posts an official notice to its whole town or to
 * chosen neighbourhoods of its town (never beyond), optionally pinned
 * until a date (the end of that Paris day).
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
    const noticeId = await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const townHall = await findOrganisation(organisationId, { trx, forUpdate: true })
      if (!townHall || townHall.kind !== 'town_hall') throw new OrganisationNotFoundError()
      if (townHall.verificationStatus !== 'verified') {
        throw new OrganisationRefusal('not_verified', 403)
      }
      const chosen = [...new Set(input.neighbourhoodIds)]
      if (input.audience === 'neighbourhoods') {
        if (chosen.length === 0) {
          throw new OrganisationRefusal('no_neighbourhoods', 422, {}, 'neighbourhood_ids')
        }
        const townIds = await townNeighbourhoods(townHall.townId, trx)
        const own = new Set(townIds.map((neighbourhood) => neighbourhood.id))
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
          pinned_until: input.pinnedUntil ? endOfParisDay(input.pinnedUntil) : null,
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
      return id
    })
    for (const neighbourhoodId of await noticeAudienceIds(noticeId)) {
      await announceFeedItem({ source: NOTICES_SOURCE, neighbourhoodId, scope: 'neighbourhood' })
    }
    return noticeId
  }
}
