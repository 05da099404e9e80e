import db from '@adonisjs/lucid/services/db'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { announceFeedItem } from '#modules/feed/index'
import { guardPost, recordPost } from '#modules/moderation/index'
import type { EventInput } from '#modules/events/services/event_form'
import {
  assertNotHome,
  authorizeAuthor,
  placeAuthor,
  type EventAuthor,
} from '#modules/events/services/author'
import { SOURCE_NAME } from '#modules/events/services/feed_source'

/**
 * Posts an event, published at once: it belongs to the author's
 * neighbourhood and town now (read again, locked, inside the
 * transaction). Open feed pages that may see it are told after the
 * commit.
 */
export default class CreateEvent {
  async execute(author: EventAuthor, input: EventInput): Promise<number> {
    await authorizeAuthor(author)
    const { id, placement } = await db.transaction(async (trx) => {
      const where = await placeAuthor(trx, author)
      assertNotHome(where, input)
      /** New residents' limits; an organisation's events answer to its checked organisation. */
      const texts = [input.title, input.description, input.placeLabel]
      if (author.kind === 'resident') await guardPost(author.userId, { kind: 'event', texts }, trx)
      const now = new Date()
      const values = [
        where.userId,
        where.organisationId,
        input.title,
        input.description,
        input.category,
        input.placeLabel,
        input.longitude,
        input.latitude,
        input.startsAt,
        input.endsAt,
        input.capacity,
        input.scope,
        where.neighbourhoodId,
        where.townId,
        where.street,
        now,
        now,
        now,
      ]
      const { rows } = await trx.rawQuery(
        `INSERT INTO events (author_id, organisation_id, title, description, category, place_label,
                             place_point, starts_at, ends_at, capacity, scope, neighbourhood_id,
                             town_id, author_street, published_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id`,
        /** knex binds null as NULL; Lucid's binding types leave it out. */
        values as unknown as RawQueryBindings
      )
      if (author.kind === 'resident') await recordPost(author.userId, 'event', trx)
      return { id: Number(rows[0].id), placement: where }
    })
    await announceFeedItem({
      source: SOURCE_NAME,
      neighbourhoodId: placement.neighbourhoodId,
      scope: input.scope,
    })
    return id
  }
}
