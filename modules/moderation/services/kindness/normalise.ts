/**
 * How the kindness check reads a word: lower case, without accents or
 * ligatures, with common disguises undone: digits and symbols standing
 * for letters ("c0nn4rd", "$alope") and letters held longer
 * ("saloooope"). Each word gives a few forms; a word matches when one of
 * its forms is in the list.
 */
const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  '$': 's',
}

/** Lower case, no accents, œ and æ spelt out, apostrophes and hyphens as spaces. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
}

/** Words of a text with where they stand (letters, digits and the symbols above). */
export function wordsOf(text: string): { raw: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}@$]+/gu)].map((match) => ({
    raw: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }))
}

/** The forms one word may stand for. */
export function formsOf(word: string): Set<string> {
  const base = plain(word)
  const spellings = new Set<string>([base])
  /** Digits count as letters only among letters: "2026" stays a number. */
  if (/[a-z]/.test(base) && /[0-9@$]/.test(base)) {
    const swapped = base.replace(/[03457@$]/g, (char) => LEET[char] ?? char)
    spellings.add(swapped.replace(/1/g, 'i'))
    spellings.add(swapped.replace(/1/g, 'l'))
  }
  const forms = new Set<string>()
  for (const spelling of spellings) {
    forms.add(spelling)
    /** A letter held three times or more: as written twice, and once. */
    if (/(.)\1\1/.test(spelling)) {
      forms.add(spelling.replace(/(.)\1{2,}/g, '$1$1'))
      forms.add(spelling.replace(/(.)\1{2,}/g, '$1'))
    }
  }
  /** Plurals: "connards", "abrutis", "batards". */
  for (const form of [...forms]) {
    if (form.length > 3 && /[sx]$/.test(form)) forms.add(form.slice(0, -1))
  }
  return forms
}
