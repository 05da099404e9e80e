import { createHash } from 'node:crypto'

/**
 * Which household a resident belongs to, for the per-household limit:
 * residents at one address share it. The key is a hash of the address
 * label, normalised (case, accents, punctuation and spaces ignored), and
 * the town, so that "12 rue Linné" and "12, Rue Linne" are one home and
 * no address is stored on the pledge. Checked at each pledge, from the
 * home as it is then.
 */
export function householdKey(
  userId: number,
  home: { addressLabel: string | null; townId: number | null }
): string {
  const label = (home.addressLabel ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
  /** Without an address label a resident is a household of their own. */
  const source = label ? `${home.townId ?? 0}:${label}` : `user:${userId}`
  return createHash('sha256').update(source).digest('hex')
}
