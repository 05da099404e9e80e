/**
 * CSV for mailing houses: UTF-8 with a byte order mark (so spreadsheets
 * read the accents), `;` between cells (what French spreadsheets expect),
 * CRLF line ends, RFC 4180 quoting.
 */
export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'

/**
 * One cell. A value a spreadsheet would run as a formula (starting with
 * = + - @, or a tab / carriage return) gets a leading apostrophe; a value
 * holding the separator, a quote, a line break or edge spaces is quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  if (/[";\r\n,]|^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`
  return text
}

/** A whole file: header row then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    cells.map((cell) => csvCell(cell as string | number | null)).join(CSV_SEPARATOR)
  return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n'
}
