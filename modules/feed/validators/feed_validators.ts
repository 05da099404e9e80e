import vine from '@vinejs/vine'
import { decodeCursor } from '#modules/feed/services/cursor'
import { feedVocabulary } from '#modules/feed/services/registry'

export const QUERY_MAX_LENGTH = 100

/** The "Older" link's position: exactly what the feed wrote, or refused. */
const feedCursor = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && decodeCursor(value) === null) {
      field.report('This link to older posts is not valid', 'feedCursor', field)
    }
  },
  { name: 'feedCursor' }
)

/**
 * GET /feed?kind=&category=&q=&before=. Kinds and categories are those the
 * registered sources declare (read when validating, as sources register at
 * boot). Messages: `feed.validator.*` (feedQueryMessages).
 */
export const feedQueryValidator = vine.create({
  kind: vine
    .string()
    .in(() => feedVocabulary().kinds)
    .optional(),
  category: vine
    .string()
    .in(() => feedVocabulary().categories)
    .optional(),
  q: vine.string().maxLength(QUERY_MAX_LENGTH).optional(),
  before: vine
    .string()
    .use(feedCursor())
    .transform((value) => decodeCursor(value)!)
    .optional(),
})

export const FEED_QUERY_FIELDS = ['kind', 'category', 'q', 'before'] as const

/**
 * The query string as the validator should see it: only the feed's
 * fields, trimmed, an empty field (an untouched select or search box)
 * meaning "none". Repeated fields stay arrays, which the validator refuses.
 */
export function feedQueryInput(qs: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const field of FEED_QUERY_FIELDS) {
    const value = qs[field]
    if (typeof value === 'string') {
      const trimmed = value.trim()
      if (trimmed !== '') input[field] = trimmed
    } else if (value !== undefined && value !== null) {
      input[field] = value
    }
  }
  return input
}
