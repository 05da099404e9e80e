import db from '@adonisjs/lucid/services/db'
import { storefrontPath } from '#modules/organisations/services/links'

/** Names and pages of organisations, for the events they posted (events ask through a directory). */
export async function organisationAuthorNames(
  ids: number[]
): Promise<Map<number, { name: string; path: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db.from('organisations').whereIn('id', ids).select('id', 'name')
  return new Map(
    rows.map((row) => [
      Number(row.id),
      { name: row.name as string, path: storefrontPath(Number(row.id)) },
    ])
  )
}
