import { readdir } from 'node:fs/promises'
import logger from '@adonisjs/core/services/logger'
import type { ApplicationService } from '@adonisjs/core/types'
import type { Database } from '@adonisjs/lucid/database'

/**
 * Runs pending migrations in-process (faster than spawning `ace
 * migration:run`, which would boot the app a second time).
 */
export async function runPendingMigrations(app: ApplicationService, db: Database) {
  const { MigrationRunner } = await import('@adonisjs/lucid/migration')
  const migrator = new MigrationRunner(db, app, { direction: 'up', dryRun: false })
  await migrator.run()
  if (migrator.error) throw migrator.error
  const applied = Object.keys(migrator.migratedFiles).length
  if (applied > 0) logger.info(`applied ${applied} migration(s)`)
}

/**
 * Demo data goes only into a database without residents, so a restart
 * never duplicates it and real data is never touched. Seeders run in file
 * name order, like `ace db:seed`.
 */
export async function seedDemoDataIfEmpty(app: ApplicationService, db: Database) {
  const { count } = (await db.from('users').count('* as count').first()) as { count: string }
  if (Number(count) > 0) return

  const directory = app.makePath('database/seeders')
  const entries = await readdir(directory)
  const files = entries.filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')).sort()
  for (const file of files) {
    const { default: Seeder } = await import(app.makeURL(`database/seeders/${file}`).href)
    await new Seeder(db.connection()).run()
    logger.info(`seeded ${file}`)
  }
}
