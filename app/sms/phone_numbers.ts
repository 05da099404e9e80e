/**
 * Mobile numbers as people type them ("06 12 34 56 78", "+33 (0)6 12...",
 * "0033 6 12...") in E.164 form ("+33612345678"), the only form SMS
 * providers accept. Only numbers that can receive an SMS are accepted: in
 * France, mobiles (06, 07); abroad, any plausible E.164 number.
 */

/**
 * Overseas departments share the French national format (0692 12 34 56)
 * but are reached through their own country codes.
 */
const OVERSEAS_MOBILE_PREFIXES: Record<string, string> = {
  '639': '262', // Mayotte
  '690': '590', // Guadeloupe, Saint-Martin, Saint-Barthélemy
  '691': '590',
  '692': '262', // La Réunion
  '693': '262',
  '694': '594', // Guyane
  '696': '596', // Martinique
  '697': '596',
}

const E164 = /^\+[1-9]\d{7,14}$/

/** The E.164 form of a mobile number, or null when it cannot receive an SMS. */
export function toE164Mobile(input: string): string | null {
  if (input.length > 30) return null
  let text = input.trim().replace(/\(0\)/g, '')
  if (!/^\+?[\d\s.\-/()]+$/.test(text)) return null
  text = text.replace(/[\s.\-/()]/g, '')
  if (text.startsWith('00')) text = '+' + text.slice(2)
  /** "+33 06 12 34 56 78": the national 0 kept after the country code. */
  if (/^\+330\d{9}$/.test(text)) text = '+33' + text.slice(4)

  /** National French format: 0 and 9 digits. */
  if (/^0\d{9}$/.test(text)) {
    const national = text.slice(1)
    const overseas = OVERSEAS_MOBILE_PREFIXES[national.slice(0, 3)]
    if (overseas) return `+${overseas}${national}`
    return /^[67]/.test(national) ? `+33${national}` : null
  }

  if (!E164.test(text)) return null
  if (text.startsWith('+33')) {
    const national = text.slice(3)
    if (!/^\d{9}$/.test(national)) return null
    const overseas = OVERSEAS_MOBILE_PREFIXES[national.slice(0, 3)]
    if (overseas) return `+${overseas}${national}`
    return /^[67]/.test(national) ? text : null
  }
  return text
}

/** "+33612345678" -> "+33 6 12 34 56 78", for people; other numbers as they are. */
export function formatPhone(e164: string): string {
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/)
  return french ? `+33 ${french.slice(1).join(' ')}` : e164
}
