import db from '@adonisjs/lucid/services/db'

/**
 * Empties every application table (keeping the migrations bookkeeping and
 * PostGIS's spatial_ref_sys, which `db:truncate` would wipe too). `keep`
 * spares tables a group loaded once (e.g. imported boundaries).
 */
export async function resetDatabase(options: { keep?: string[] } = {}) {
  const { rows: all } = await db.rawQuery<{ rows: { tablename: string }[] }>(
    `select tablename from pg_tables
      where schemaname = 'public'
        and tablename not in ('adonis_schema', 'adonis_schema_versions', 'spatial_ref_sys')`
  )
  const rows = all.filter((row) => !options.keep?.includes(row.tablename))
  if (rows.length === 0) return
  const tables = rows.map((row) => `"public"."${row.tablename}"`)
  if (!options.keep?.length) {
    await db.rawQuery(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`)
    return
  }
  /**
   * TRUNCATE ... CASCADE would also empty kept tables that merely point at
   * users (created_by_id): delete rows instead, letting the foreign keys
   * cascade or set null.
   */
  for (const table of tables) await db.rawQuery(`DELETE FROM ${table}`)
}
