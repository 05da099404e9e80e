import { test } from '@japa/runner'
import { safeUrl, toCard } from '#modules/feed/services/cards'
import type { FeedItem } from '#modules/feed/services/feed_source'
import { relativeDate, relativeDateLabel } from '#modules/feed/services/relative_date'

const NOW = new Date('2026-05-04T10:00:00.000Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Intl puts (narrow) no-break spaces in "il y a 2 h". */
const plain = (text: string) => text.replace(/\s/g, ' ')

test.group('Feed cards: relative dates', () => {
  test('whole units, counted down', ({ assert }) => {
    assert.deepEqual(relativeDate(ago(20_000), NOW), { kind: 'now' })
    assert.deepEqual(relativeDate(new Date(NOW.getTime() + 5000), NOW), { kind: 'now' })
    assert.deepEqual(relativeDate(ago(5 * MINUTE + 59_000), NOW), {
      kind: 'ago',
      value: 5,
      unit: 'minute',
    })
    assert.deepEqual(relativeDate(ago(90 * MINUTE), NOW), { kind: 'ago', value: 1, unit: 'hour' })
    assert.deepEqual(relativeDate(ago(2 * DAY + HOUR), NOW), { kind: 'ago', value: 2, unit: 'day' })
    assert.deepEqual(relativeDate(ago(8 * DAY), NOW), { kind: 'date' })
  })

  test('read in French and English', ({ assert }) => {
    assert.equal(relativeDateLabel(ago(10_000), NOW, 'fr', 'à l’instant'), 'à l’instant')
    assert.equal(plain(relativeDateLabel(ago(2 * HOUR + MINUTE), NOW, 'fr', '')), 'il y a 2 h')
    assert.equal(relativeDateLabel(ago(DAY + HOUR), NOW, 'fr', ''), 'hier')
    assert.equal(plain(relativeDateLabel(ago(3 * MINUTE), NOW, 'en', '')), '3 min. ago')
    assert.equal(relativeDateLabel(ago(DAY), NOW, 'en', ''), 'yesterday')
    assert.equal(relativeDateLabel(ago(20 * DAY), NOW, 'fr', ''), '14 avril')
    assert.equal(
      relativeDateLabel(new Date('2025-12-24T12:00:00Z'), NOW, 'en', ''),
      'December 24, 2025'
    )
  })
})

test.group('Feed cards: what a source gives, made safe to show', () => {
  const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
    source: 'exchanges',
    id: 7,
    publishedAt: ago(2 * HOUR),
    kind: 'loan',
    category: 'tools',
    title: '<script>alert(1)</script>',
    summary: 'Perceuse',
    url: '/exchanges/7',
    author: { name: 'Camille M.', street: 'rue Linné' },
    scope: 'nearby',
    neighbourhoodName: 'Jardin des Plantes',
    badges: [{ key: 'exchanges.badges.offer' }],
    ...overrides,
  })
  const context = {
    ownNeighbourhoodId: 10,
    ownNeighbourhoodName: 'Saint-Victor',
    kindLabels: new Map([['loan', 'Prêt']]),
    now: NOW,
    locale: 'fr',
    justNow: 'à l’instant',
  }

  test('links only to this site or http(s)', ({ assert }) => {
    assert.equal(safeUrl('/exchanges/7'), '/exchanges/7')
    assert.equal(safeUrl('https://partner.example/offer/1'), 'https://partner.example/offer/1')
    assert.isNull(safeUrl('javascript:alert(1)'))
    assert.isNull(safeUrl('JaVaScRiPt:alert(1)'))
    assert.isNull(safeUrl('data:text/html,<script>'))
    assert.isNull(safeUrl('//evil.example/x'))
    assert.isNull(safeUrl(null))
    assert.equal(toCard(item({ url: 'javascript:alert(1)' }), context).url, '#')
  })

  test('names the neighbourhood only when it is not the viewer’s own', ({ assert }) => {
    assert.equal(
      toCard(item({ neighbourhoodId: 11 }), context).neighbourhoodName,
      'Jardin des Plantes'
    )
    assert.isNull(
      toCard(item({ neighbourhoodId: 10, neighbourhoodName: 'Saint-Victor' }), context)
        .neighbourhoodName
    )
    /** A source that gives no id: compared by name. */
    assert.isNull(toCard(item({ neighbourhoodName: 'Saint-Victor' }), context).neighbourhoodName)
    assert.equal(toCard(item(), context).neighbourhoodName, 'Jardin des Plantes')
  })

  test('keeps the text as given (the template escapes it) and dates it', ({ assert }) => {
    const card = toCard(item(), context)
    assert.equal(card.title, '<script>alert(1)</script>')
    assert.equal(card.key, 'exchanges-7')
    assert.equal(card.kindLabel, 'Prêt')
    assert.equal(plain(card.when), 'il y a 2 h')
    assert.equal(card.publishedAt, ago(2 * HOUR).toISOString())
  })
})
