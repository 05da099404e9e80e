import { isErasedLabel } from '#modules/accounts/index'
import { authorNameFor } from '#modules/verification/index'

/**
 * A resident's name as the other one sees it in messages, live updates
 * and mails: the first name (as the verification module shows it to
 * anyone) and the initial of the last name, so that two Camilles can be
 * told apart without a full name travelling ("Camille Martin" ->
 * "Camille M.", as in the co-optation lists). An erased account's label
 * ("Ancien·ne voisin·e") stays whole.
 */
export function shownName(displayName: string): string {
  if (isErasedLabel(displayName)) return displayName
  const first = authorNameFor(displayName, 'unverified')
  const words = displayName.trim().split(/\s+/)
  const last = words.length > 1 ? words[words.length - 1] : ''
  const initial = last ? Array.from(last)[0]!.toLocaleUpperCase() : ''
  return initial ? `${first} ${initial}.` : first
}
