import { test } from '@japa/runner'
import { compareFeedOrder, composeFeed } from '#modules/feed/services/compose'
import { decodeCursor, encodeCursor } from '#modules/feed/services/cursor'
import type { FeedItem, FeedPage, FeedSource, FeedViewer } from '#modules/feed/services/feed_source'

/**
 * The feed's composition on small in-memory sources: each answers like a
 * real one must (its newest items strictly after the cursor in the feed's
 * order, at most `limit`), so these tests check the merge, the cut and the
 * cursor, not any table.
 */
const VIEWER: FeedViewer = {
  userId: 1,
  locale: 'fr',
  trust: 'verified',
  neighbourhoodId: 10,
  townId: 1,
  nearbyIds: [],
}

const T0 = Date.parse('2026-05-04T10:00:00.000Z')

function item(source: string, id: number, minutesAgo: number, extra: Partial<FeedItem> = {}) {
  return {
    source,
    id,
    publishedAt: new Date(T0 - minutesAgo * 60_000),
    kind: 'loan',
    category: 'tools',
    title: `${source} ${id}`,
    summary: '',
    url: `/${source}/${id}`,
    author: null,
    scope: 'neighbourhood',
    neighbourhoodName: null,
    badges: [],
    ...extra,
  } satisfies FeedItem
}

/** A well-behaved source over a fixed list; records what it was asked. */
function listSource(
  name: string,
  items: FeedItem[],
  options: { kinds?: string[]; categories?: string[] } = {}
) {
  const asked: FeedPage[] = []
  const source: FeedSource = {
    name,
    kinds: options.kinds ?? ['loan', 'gift'],
    categories: options.categories ?? ['tools'],
    async items(page) {
      asked.push(page)
      return items
        .filter((entry) => !page.before || compareFeedOrder(entry, page.before) > 0)
        .filter((entry) => !page.filters.kind || entry.kind === page.filters.kind)
        .sort(compareFeedOrder)
        .slice(0, page.limit)
    },
  }
  return { source, asked }
}

function silentLogger() {
  const warnings: { details: Record<string, unknown>; message: string }[] = []
  return {
    warnings,
    warn(details: object, message: string) {
      warnings.push({ details: details as Record<string, unknown>, message })
    },
  }
}

const options = (overrides: Partial<Parameters<typeof composeFeed>[1]> = {}) => ({
  viewer: VIEWER,
  filters: {},
  before: null,
  limit: 3,
  timeoutMs: 1000,
  logger: silentLogger(),
  ...overrides,
})

const keys = (items: FeedItem[]) => items.map((entry) => `${entry.source}:${entry.id}`)

test.group('Feed composition', () => {
  test('merges the sources newest first, then by source, then by id, and cuts one page', async ({
    assert,
  }) => {
    const exchanges = listSource('exchanges', [
      item('exchanges', 1, 30),
      item('exchanges', 2, 5),
      item('exchanges', 3, 5),
    ])
    const alerts = listSource('alerts', [item('alerts', 7, 5), item('alerts', 8, 60)])

    const page = await composeFeed([exchanges.source, alerts.source], options())
    assert.deepEqual(keys(page.items), ['alerts:7', 'exchanges:3', 'exchanges:2'])
    assert.deepEqual(page.next, {
      publishedAt: new Date(T0 - 5 * 60_000),
      source: 'exchanges',
      id: 2,
    })
    assert.deepEqual(page.skipped, [])
  })

  test('asks every source for one more item than a page, before the cursor, with the filters', async ({
    assert,
  }) => {
    const exchanges = listSource('exchanges', [item('exchanges', 1, 1)])
    const before = { publishedAt: new Date(T0), source: 'alerts', id: 4 }
    await composeFeed([exchanges.source], options({ before, filters: { q: 'vélo' }, limit: 20 }))
    assert.lengthOf(exchanges.asked, 1)
    assert.equal(exchanges.asked[0].limit, 21)
    assert.deepEqual(exchanges.asked[0].before, before)
    assert.deepEqual(exchanges.asked[0].filters, { q: 'vélo' })
    assert.equal(exchanges.asked[0].viewer, VIEWER)
  })

  test('a source that cannot have the chosen kind or category is not asked', async ({ assert }) => {
    const exchanges = listSource('exchanges', [item('exchanges', 1, 1)], { kinds: ['loan'] })
    const alerts = listSource('alerts', [item('alerts', 1, 1, { kind: 'theft' })], {
      kinds: ['theft'],
      categories: [],
    })
    const byKind = await composeFeed(
      [exchanges.source, alerts.source],
      options({ filters: { kind: 'theft' } })
    )
    assert.deepEqual(keys(byKind.items), ['alerts:1'])
    assert.lengthOf(exchanges.asked, 0)

    const byCategory = await composeFeed(
      [exchanges.source, alerts.source],
      options({ filters: { category: 'tools' } })
    )
    assert.deepEqual(keys(byCategory.items), ['exchanges:1'])
    assert.lengthOf(alerts.asked, 1)
  })

  test('the last page has no cursor; an empty feed is an empty page', async ({ assert }) => {
    const exchanges = listSource('exchanges', [item('exchanges', 1, 1), item('exchanges', 2, 2)])
    const page = await composeFeed([exchanges.source], options({ limit: 2 }))
    assert.lengthOf(page.items, 2)
    assert.isNull(page.next)

    const empty = await composeFeed([], options())
    assert.deepEqual(empty, { items: [], next: null, skipped: [] })
  })

  test('walking the pages shows every item once, in order, even with equal timestamps', async ({
    assert,
  }) => {
    /** 3 sources, 40 items, many sharing the same instant (and ids across sources). */
    const all: FeedItem[] = []
    const sources = ['alerts', 'exchanges', 'notices'].map((name, index) => {
      const items = Array.from({ length: 13 + index }, (_, i) =>
        item(name, i + 1, Math.floor(i / 4))
      )
      all.push(...items)
      return listSource(name, items).source
    })
    const expected = keys([...all].sort(compareFeedOrder))

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const before = cursor ? decodeCursor(cursor) : null
      const page = await composeFeed(sources, options({ before, limit: 7 }))
      seen.push(...keys(page.items))
      /** The cursor goes through the URL as the page writes it. */
      cursor = page.next ? encodeCursor(page.next) : null
      pages += 1
    } while (cursor && pages < 20)

    assert.equal(pages, Math.ceil(all.length / 7))
    assert.deepEqual(seen, expected)
    assert.equal(new Set(seen).size, all.length)
  })

  test('a failing source is logged and left out; the page shows the others', async ({ assert }) => {
    const logger = silentLogger()
    const exchanges = listSource('exchanges', [item('exchanges', 1, 1)])
    const broken: FeedSource = {
      name: 'broken',
      kinds: ['loan'],
      items: async () => {
        throw new Error('relation "broken_items" does not exist')
      },
    }
    const throwsAtOnce: FeedSource = {
      name: 'sync_broken',
      kinds: ['loan'],
      items: () => {
        throw new Error('not even a promise')
      },
    }
    const page = await composeFeed([broken, exchanges.source, throwsAtOnce], options({ logger }))
    assert.deepEqual(keys(page.items), ['exchanges:1'])
    assert.deepEqual(page.skipped, ['broken', 'sync_broken'])
    assert.sameMembers(
      logger.warnings.map(({ details }) => `${details.source}:${details.reason}`),
      ['broken:error', 'sync_broken:error']
    )
  })

  test('a source slower than the timeout is left out without holding the page', async ({
    assert,
  }) => {
    const logger = silentLogger()
    const exchanges = listSource('exchanges', [item('exchanges', 1, 1)])
    const slow: FeedSource = {
      name: 'slow',
      kinds: ['loan'],
      items: () => new Promise((resolve) => setTimeout(() => resolve([item('slow', 1, 0)]), 1000)),
    }
    const started = Date.now()
    const page = await composeFeed([slow, exchanges.source], options({ logger, timeoutMs: 50 }))
    assert.isBelow(Date.now() - started, 800)
    assert.deepEqual(keys(page.items), ['exchanges:1'])
    assert.deepEqual(page.skipped, ['slow'])
    assert.equal(logger.warnings[0].details.reason, 'timeout')
  })

  test('items a source should not have returned are dropped', async ({ assert }) => {
    const before = { publishedAt: new Date(T0 - 10 * 60_000), source: 'exchanges', id: 5 }
    const sloppy: FeedSource = {
      name: 'exchanges',
      kinds: ['loan'],
      items: async () => [
        /** Newer than the cursor, the cursor itself, another source's, a duplicate. */
        item('exchanges', 9, 1),
        item('exchanges', 5, 10),
        item('alerts', 4, 20),
        item('exchanges', 4, 10),
        item('exchanges', 4, 10),
        /** As a raw driver row may give them: string id and date. */
        {
          ...item('exchanges', 3, 30),
          id: '3' as unknown as number,
          publishedAt: new Date(T0 - 30 * 60_000).toISOString() as unknown as Date,
        },
      ],
    }
    const page = await composeFeed([sloppy], options({ before, limit: 10 }))
    assert.deepEqual(keys(page.items), ['exchanges:4', 'exchanges:3'])
    assert.instanceOf(page.items[1].publishedAt, Date)
    assert.strictEqual(page.items[1].id, 3)
  })
})
