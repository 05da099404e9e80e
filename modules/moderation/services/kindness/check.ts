import { formsOf, plain, wordsOf } from '#modules/moderation/services/kindness/normalise'
import {
  ENGLISH_EXPRESSIONS,
  ENGLISH_WORDS,
  FRENCH_EXPRESSIONS,
  FRENCH_WORDS,
} from '#modules/moderation/services/kindness/word_lists'

/** The lists, read once the way the texts are read. */
const WORDS = new Set([...FRENCH_WORDS, ...ENGLISH_WORDS].map(plain))
const EXPRESSIONS = [...FRENCH_EXPRESSIONS, ...ENGLISH_EXPRESSIONS].map((expression) =>
  wordsOf(plain(expression)).map((word) => word.raw)
)

export interface KindnessResult {
  flagged: boolean
  /** The words (or expressions) as the resident wrote them, each once. */
  words: string[]
}

/**
 * The kindness reminder's check: insults and slurs in French and English,
 * whole words only, found locally (no text leaves the server). It only
 * suggests rephrasing: the resident may publish anyway.
 */
export function kindnessCheck(texts: readonly string[]): KindnessResult {
  const found = new Map<string, string>()
  for (const text of texts) {
    const words = wordsOf(text).map((word) => ({ ...word, forms: formsOf(word.raw) }))
    const used = new Set<number>()
    for (let index = 0; index < words.length; index++) {
      if (used.has(index)) continue
      /** The longest expression starting here: "ferme ta gueule" over "ta gueule". */
      const expression = EXPRESSIONS.filter((parts) =>
        parts.every((part, offset) => words[index + offset]?.forms.has(part))
      ).sort((a, b) => b.length - a.length)[0]
      if (!expression) continue
      const last = words[index + expression.length - 1]
      const quoted = text.slice(words[index].start, last.end)
      if (!found.has(plain(quoted))) found.set(plain(quoted), quoted)
      for (let offset = 0; offset < expression.length; offset++) used.add(index + offset)
    }
    for (const [index, word] of words.entries()) {
      if (used.has(index) || ![...word.forms].some((form) => WORDS.has(form))) continue
      if (!found.has(plain(word.raw))) found.set(plain(word.raw), word.raw)
    }
  }
  const words = [...found.values()]
  return { flagged: words.length > 0, words }
}
