/**
 * SIRET numbers (14 digits: SIREN + establishment). The last digit is a
 * Luhn check digit, except for La Poste's establishments (SIREN 356 000
 * 000), too many for Luhn to be kept: theirs is valid when the sum of the
 * 14 digits is a multiple of 5 (INSEE's rule), the head office aside.
 */
const LA_POSTE_SIREN = '356000000'
/** La Poste's head office keeps a Luhn check digit (as python-stdnum has it). */
const LA_POSTE_HEAD_OFFICE = '35600000000048'

/** What a person typed ("732 829 320 00074") as stored ("73282932000074"). */
export function normaliseSiret(input: string): string {
  return input.replace(/[\s.\-]/g, '')
}

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0)
    return sum % 5 === 0
  }
  return luhnValid(value)
}

/** RNA (répertoire national des associations): W and 9 digits. */
export function normaliseRna(input: string): string {
  return input.replace(/\s/g, '').toUpperCase()
}

export function isValidRna(value: string): boolean {
  return /^W\d{9}$/.test(value)
}
