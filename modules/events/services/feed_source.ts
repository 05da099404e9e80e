import { publicName } from '#modules/verification/index'
import { preparedRows } from '#app/database/prepared'
import { accounts } from '#modules/accounts/index'
import {
  olderThanClause,
  visibilityClause,
  type FeedItem,
  type FeedPage,
  type FeedSource,
} from '#modules/feed/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { EVENT_COLUMNS, toEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { badgeDate } from '#modules/events/services/dates'
import { eventPath } from '#modules/events/services/links'
import { organisationAuthors } from '#modules/events/services/organisation_directory'
import { CATEGORIES, KIND } from '#modules/events/services/settings'

export const SOURCE_NAME = 'events'

type Binding = string | number | Date

/** A short plain-text summary: the place, then the first words of the description. */
function summaryOf(event: EventRecord, max = 180): string {
  const flat = [event.placeLabel, event.description].join(' · ').replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat.replace(/ · $/, '')
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`
}

/**
 * Events in the local feed until they end (cancelled ones leave it):
 * the scope rule is the feed's visibilityClause(), served by the partial
 * indexes on scheduled events; keyset with olderThanClause() on the
 * publication time, like every source; full text on the generated
 * `search` column. The card's badge says when it happens.
 */
export const eventsFeedSource: FeedSource = {
  name: SOURCE_NAME,
  kinds: [KIND],
  categories: CATEGORIES,
  labels: { kinds: 'events.feed.kinds', categories: 'events.categories' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    const { viewer, filters, before, limit } = page
    if (viewer.neighbourhoodId === null || limit <= 0) return []
    if (filters.kind && filters.kind !== KIND) return []
    if (filters.category && !(CATEGORIES as readonly string[]).includes(filters.category)) {
      return []
    }

    const older = olderThanClause(before, SOURCE_NAME, {
      publishedAt: 'e.published_at',
      id: 'e.id',
    })
    const conditions: string[] = [
      "e.status = 'scheduled'",
      'e.ends_at > now()',
      /** Hidden by moderation: out of the feed for everyone. */
      'e.hidden_at IS NULL',
      older.sql,
    ]
    const bindings: Binding[] = [...older.bindings]
    if (filters.category) {
      conditions.push('e.category = ?')
      bindings.push(filters.category)
    }
    const q = filters.q?.trim()
    if (q) {
      conditions.push(
        "e.search @@ (websearch_to_tsquery('quartier_fr', ?) || websearch_to_tsquery('quartier_en', ?))"
      )
      bindings.push(q, q)
    }
    const visible = visibilityClause(viewer, {
      neighbourhoodId: 'e.neighbourhood_id',
      townId: 'e.town_id',
      scope: 'e.scope',
    })
    const rows = await preparedRows<any>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE ${visible.sql} AND ${conditions.join(' AND ')}
        ORDER BY e.published_at DESC, e.id DESC LIMIT ?`,
      [...visible.bindings, ...bindings, limit]
    )
    if (rows.length === 0) return []
    const events: EventRecord[] = rows.map(toEvent)
    const [names, places, organisations] = await Promise.all([
      accounts.displayNames(events.map((event) => event.authorId)),
      neighbourhoodNames(events.map((event) => event.neighbourhoodId)),
      organisationAuthors(events.map((event) => event.organisationId)),
    ])
    return events.map((event) => {
      const badges: FeedItem['badges'] = [
        { key: 'events.feed.when', values: { date: badgeDate(event.startsAt, viewer.locale) } },
      ]
      if (event.capacity !== null) {
        const left = Math.max(0, event.capacity - event.goingCount)
        badges.push(
          left === 0
            ? { key: 'events.feed.full' }
            : { key: 'events.feed.places_left', values: { count: left } }
        )
      }
      const authorName = names.get(event.authorId)
      const organisation =
        event.organisationId === null ? undefined : organisations.get(event.organisationId)
      return {
        source: SOURCE_NAME,
        id: event.id,
        publishedAt: event.publishedAt,
        kind: KIND,
        category: event.category,
        title: event.title,
        summary: summaryOf(event),
        url: eventPath(event.id),
        author: organisation
          ? { name: organisation.name, street: null }
          : authorName
            ? { name: publicName(authorName, viewer.trust), street: event.authorStreet }
            : null,
        scope: event.scope,
        neighbourhoodName: places.get(event.neighbourhoodId)?.name ?? null,
        neighbourhoodId: event.neighbourhoodId,
        authorId: event.authorId,
        badges,
        imageUrl: null,
      }
    })
  },
}
