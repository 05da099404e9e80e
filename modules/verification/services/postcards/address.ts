/**
 * French postal addresses for the postcard: the resident's home label
 * split into the lines of an address block, the key that counts requests
 * per address, and the postcode/département check.
 */

export interface AddressLines {
  street: string
  postcode: string
  town: string
}

/**
 * "21 Rue Saint-Georges 35000 Rennes" (the address API's label) or
 * "12 rue des Écoles, 75005 Paris" (typed) -> street, postcode, town. The
 * last five-digit group followed by a name is the postcode; what cannot be
 * read is left empty for the resident to fill in.
 */
export function parseAddressLabel(label: string): AddressLines {
  const text = label.replace(/\s+/g, ' ').trim()
  const match = text.match(/^(.*)[\s,]*\b(\d{5})\b[\s,]+([^\d,][^,]*?)(?:\s*,\s*france)?\s*$/i)
  if (!match) {
    return { street: (text.split(',')[0] ?? '').trim(), postcode: '', town: '' }
  }
  return {
    street: match[1].replace(/[\s,]+$/, '').trim(),
    postcode: match[2],
    town: match[3].trim(),
  }
}

/** Common abbreviations, so "12 bd St-Michel" and "12 boulevard Saint-Michel" are one address. */
const WORDS: Record<string, string> = {
  r: 'rue',
  bd: 'boulevard',
  bld: 'boulevard',
  boul: 'boulevard',
  av: 'avenue',
  ave: 'avenue',
  pl: 'place',
  imp: 'impasse',
  all: 'allee',
  rte: 'route',
  ch: 'chemin',
  che: 'chemin',
  fg: 'faubourg',
  fbg: 'faubourg',
  sq: 'square',
  crs: 'cours',
  qu: 'quai',
  st: 'saint',
  ste: 'sainte',
}

/**
 * The street line and postcode without case, accents, punctuation or
 * spacing (and with the usual abbreviations spelt out): requests for one
 * address are counted on this key, whoever asks.
 */
export function addressKey(street: string, postcode: string): string {
  const words = street
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word)
  return `${words.join('')}|${postcode}`.slice(0, 160)
}

/**
 * Whether a postcode belongs to a département: its first two digits,
 * three overseas (971-976), 20 for Corsica (2A, 2B). A handful of communes
 * use a neighbouring département's postcode; they can use another way.
 */
export function postcodeInDepartement(postcode: string, departement: string): boolean {
  const dep = departement.trim().toUpperCase()
  if (!/^\d{5}$/.test(postcode) || dep.length === 0) return false
  if (dep === '2A' || dep === '2B') return postcode.startsWith('20')
  if (dep.length === 3) return postcode.startsWith(dep)
  return postcode.slice(0, 2) === dep.padStart(2, '0')
}
