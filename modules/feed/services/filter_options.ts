import type { I18n } from '@adonisjs/i18n'
import { feedSources } from '#modules/feed/services/registry'

export interface FilterOption {
  value: string
  label: string
}

/** "tools" -> "Tools": the last resort when no translation names a value. */
function humanise(value: string) {
  const words = value.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The first of the source's key and the feed's own that exists, else the value itself. */
function label(i18n: I18n, prefixes: (string | undefined)[], value: string) {
  for (const prefix of prefixes) {
    const key = `${prefix}.${value}`
    if (prefix && i18n.resolveIdentifier(key)) return i18n.t(key)
  }
  return humanise(value)
}

/**
 * The kind and category choices of the filter form: what the registered
 * sources declare, labelled by the source's own translations when it names
 * them (FeedSource.labels), else the feed's (feed.kinds.*, feed.categories.*),
 * else the value itself.
 */
export function filterOptions(i18n: I18n): { kinds: FilterOption[]; categories: FilterOption[] } {
  const kinds = new Map<string, string>()
  const categories = new Map<string, string>()
  for (const source of feedSources()) {
    for (const kind of source.kinds) {
      if (!kinds.has(kind)) kinds.set(kind, label(i18n, [source.labels?.kinds, 'feed.kinds'], kind))
    }
    for (const category of source.categories ?? []) {
      if (!categories.has(category)) {
        categories.set(
          category,
          label(i18n, [source.labels?.categories, 'feed.categories'], category)
        )
      }
    }
  }
  const options = (entries: Map<string, string>) =>
    [...entries].map(([value, text]) => ({ value, label: text }))
  return { kinds: options(kinds), categories: options(categories) }
}
