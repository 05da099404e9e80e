/**
 * The supplier's CSV: UTF-8 with a byte order mark (so spreadsheets read
 * the accents), `;` between cells (what French spreadsheets expect), CRLF
 * line ends, RFC 4180 quoting.
 */
export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'

export type CsvValue = string | number | null | undefined

/**
 * One cell. Text a spreadsheet would run as a formula (starting with
 * = + - @, or a tab / carriage return) gets a leading apostrophe: names,
 * titles and streets are typed by residents. A value holding the
 * separator, a quote, a comma, a line break or edge spaces is quoted.
 */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  if (/[";\r\n,]|^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`
  return text
}

/** A whole file; an empty row gives an empty line (between the summary and the table). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((cells) => cells.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n'
}

/**
 * An integer count of 1/10^digits as a plain decimal for a spreadsheet:
 * no thousands separator, the locale's decimal mark (a comma in French),
 * trailing zeros dropped unless `fixed` (1500 milli -> "1,5"; 1234 cents
 * -> "12,34"). Built from the integer's digits, never through a float.
 */
export function csvDecimal(
  value: number,
  digits: number,
  locale: string,
  options: { fixed?: boolean } = {}
): string {
  const sign = value < 0 ? '-' : ''
  const text = String(Math.abs(value)).padStart(digits + 1, '0')
  const whole = text.slice(0, -digits)
  let fraction = text.slice(-digits)
  if (!options.fixed) fraction = fraction.replace(/0+$/, '')
  const mark = locale.startsWith('en') ? '.' : ','
  return `${sign}${whole}${fraction ? mark + fraction : ''}`
}
