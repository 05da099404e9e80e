import type { Database } from '@adonisjs/lucid/database'
import { StartupError } from '#app/startup_error'

/**
 * Fails the boot with a message a person can act on when PostgreSQL cannot
 * be reached or cannot provide PostGIS.
 */
export async function assertDatabaseReady(db: Database, driver: string) {
  try {
    await db.rawQuery('select 1')
  } catch (error) {
    const reason = (error as Error).message
    if (driver === 'embedded') {
      throw new StartupError(
        `the embedded database does not answer (${reason}).`,
        'Start Quartier with `npm start`, which launches it, or set DATABASE_URL to use a PostgreSQL server.'
      )
    }
    throw new StartupError(
      `PostgreSQL is unreachable (${reason}).`,
      [
        'Check DATABASE_URL (postgres://user:password@host:5432/database) and that the server runs.',
        'On Debian/Ubuntu: apt-get install postgresql-15 postgresql-15-postgis-3, then start it.',
        'Or unset DATABASE_URL to use the embedded database.',
      ].join('\n')
    )
  }

  const available = await db.rawQuery(
    "select 1 from pg_available_extensions where name = 'postgis'"
  )
  if (available.rows.length === 0) {
    throw new StartupError(
      'PostGIS is not installed on this PostgreSQL server.',
      'Install it (Debian/Ubuntu: apt-get install postgresql-15-postgis-3, matching your PostgreSQL version), then start again.'
    )
  }
}
