import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'
import { compareFeedOrder } from '#modules/feed/services/compose'
import { decodeCursor, encodeCursor } from '#modules/feed/services/cursor'
import type { FeedCursor } from '#modules/feed/services/feed_source'
import { olderThanClause } from '#modules/feed/services/keyset'
import { registerFeedSource, unregisterFeedSource } from '#modules/feed/services/registry'
import { feedQueryInput, feedQueryValidator } from '#modules/feed/validators/feed_validators'

const CURSOR: FeedCursor = {
  publishedAt: new Date('2026-05-04T10:00:00.123Z'),
  source: 'exchanges',
  id: 42,
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

test.group('Feed cursor', () => {
  test('round-trips through an opaque URL-safe string', ({ assert }) => {
    const encoded = encodeCursor(CURSOR)
    assert.match(encoded, /^[A-Za-z0-9_-]+$/)
    assert.notInclude(encoded, 'exchanges')
    assert.deepEqual(decodeCursor(encoded), CURSOR)
  })

  test('anything else decodes to null, never throws', ({ assert }) => {
    const malformed = [
      '',
      '%%%',
      'not a cursor',
      b64('2026-05-04T10:00:00.123Z exchanges'),
      b64('2026-05-04T10:00:00.123Z exchanges 42 extra'),
      b64('2026-05-04 exchanges 42'),
      b64('2026-02-30T10:00:00.000Z exchanges 42'),
      b64('2026-05-04T10:00:00.123Z Exchanges 42'),
      b64('2026-05-04T10:00:00.123Z exchanges 0'),
      b64('2026-05-04T10:00:00.123Z exchanges -1'),
      b64('2026-05-04T10:00:00.123Z exchanges 4.2'),
      b64('2026-05-04T10:00:00.123Z exchanges 99999999999999999'),
      b64("2026-05-04T10:00:00.123Z exchanges' 42"),
      'A'.repeat(500),
    ]
    for (const value of malformed) assert.isNull(decodeCursor(value), value)
  })
})

test.group('Feed query validation', (group) => {
  group.setup(() => {
    registerFeedSource({
      name: 'test_validation',
      kinds: ['loan', 'gift'],
      categories: ['tools'],
      items: async () => [],
    })
    return () => unregisterFeedSource('test_validation')
  })

  const validate = (qs: Record<string, unknown>) => feedQueryValidator.validate(feedQueryInput(qs))

  async function refusal(qs: Record<string, unknown>) {
    try {
      await validate(qs)
    } catch (error) {
      if (error instanceof errors.E_VALIDATION_ERROR) {
        return (error.messages as { field: string; rule: string }[]).map(
          (message) => `${message.field}:${message.rule}`
        )
      }
      throw error
    }
    throw new Error(`accepted ${JSON.stringify(qs)}`)
  }

  test('known kinds and categories, words and a cursor are accepted; empty fields mean none', async ({
    assert,
  }) => {
    const query = await validate({
      kind: 'loan',
      category: ' tools ',
      q: '  vélo  ',
      before: encodeCursor(CURSOR),
      other: 'ignored',
    })
    assert.deepEqual(query, { kind: 'loan', category: 'tools', q: 'vélo', before: CURSOR })
    assert.deepEqual(await validate({ kind: '', category: '', q: '   ', before: '' }), {})
  })

  test('unknown kinds or categories, long searches, repeated fields and bad cursors are refused', async ({
    assert,
  }) => {
    assert.deepEqual(await refusal({ kind: 'weapons' }), ['kind:in'])
    assert.deepEqual(await refusal({ category: 'tools; drop table' }), ['category:in'])
    assert.deepEqual(await refusal({ q: 'v'.repeat(101) }), ['q:maxLength'])
    assert.deepEqual(await refusal({ kind: ['loan', 'gift'] }), ['kind:string'])
    assert.deepEqual(await refusal({ before: 'bm90IGEgY3Vyc29y' }), ['before:feedCursor'])
  })
})

/**
 * olderThanClause on real SQL: three "sources" as VALUES lists whose
 * items share timestamps (and ids), paged the way a source does it.
 */
test.group('Feed keyset clause', () => {
  const instant = (ms: number) => new Date(Date.parse('2026-05-04T10:00:00.000Z') + ms)

  function rowsOf(source: string) {
    return Array.from({ length: 9 }, (_, i) => ({
      source,
      id: i + 1,
      publishedAt: instant(-Math.floor(i / 3)),
    }))
  }

  async function olderIn(source: string, before: FeedCursor | null, limit: number) {
    const rows = rowsOf(source)
    const clause = olderThanClause(before, source, { publishedAt: 'published_at', id: 'id' })
    const result = await db.rawQuery(
      `WITH items(id, published_at) AS (VALUES ${rows.map(() => '(?::bigint, ?::timestamptz)').join(', ')})
       SELECT id, published_at FROM items WHERE ${clause.sql}
        ORDER BY published_at DESC, id DESC LIMIT ?`,
      [...rows.flatMap((row) => [row.id, row.publishedAt]), ...clause.bindings, limit]
    )
    return (result.rows as { id: string | number; published_at: Date }[]).map((row) => ({
      source,
      id: Number(row.id),
      publishedAt: new Date(row.published_at),
    }))
  }

  test('pages through sources sharing every timestamp with no gap and no repeat', async ({
    assert,
  }) => {
    const names = ['alerts', 'exchanges', 'notices']
    const expected = names
      .flatMap(rowsOf)
      .sort(compareFeedOrder)
      .map((row) => `${row.source}:${row.id}`)

    const seen: string[] = []
    let before: FeedCursor | null = null
    for (let guard = 0; guard < 30; guard += 1) {
      const answers = await Promise.all(names.map((name) => olderIn(name, before, 5)))
      const merged = answers.flat().sort(compareFeedOrder)
      const page = merged.slice(0, 4)
      seen.push(...page.map((row) => `${row.source}:${row.id}`))
      if (merged.length <= 4) break
      before = page.at(-1)!
    }
    assert.deepEqual(seen, expected)
  })

  test('no cursor means no condition', ({ assert }) => {
    assert.deepEqual(olderThanClause(null, 'exchanges', { publishedAt: 'p', id: 'i' }), {
      sql: 'true',
      bindings: [],
    })
  })
})
