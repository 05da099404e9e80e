import db from '@adonisjs/lucid/services/db'

/**
 * Empties every application table (keeping the migrations bookkeeping and
 * PostGIS's spatial_ref_sys, which `db:truncate` would wipe too).
 */
export async function resetDatabase() {
  const { rows } = await db.rawQuery<{ rows: { tablename: string }[] }>(
    `select tablename from pg_tables
      where schemaname = 'public'
        and tablename not in ('adonis_schema', 'adonis_schema_versions', 'spatial_ref_sys')`
  )
  if (rows.length === 0) return
  const tables = rows.map((row) => `"public"."${row.tablename}"`).join(', ')
  await db.rawQuery(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`)
}
