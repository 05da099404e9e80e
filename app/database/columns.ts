/**
 * Column consumers shared by Lucid models. bigint columns arrive from pg
 * as strings on some drivers; `date` columns are calendar days, kept as
 * 'YYYY-MM-DD' strings (no time zone to drift).
 */
export const toNumber = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)

export const toDay = (value: unknown) => {
  if (value === null || value === undefined) return null
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000)
    return local.toISOString().slice(0, 10)
  }
  return String(value).slice(0, 10)
}
