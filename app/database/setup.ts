import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
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
 * never duplicates it and real data is never touched. The seeders run in a
 * child process (`ace db:seed`): importing boundaries would otherwise leave
 * the long-lived web process tens of MB bigger.
 */
export async function seedDemoDataIfEmpty(app: ApplicationService, db: Database) {
  const { count } = (await db.from('users').count('* as count').first()) as { count: string }
  if (Number(count) > 0) return

  logger.info('empty database: seeding demo data')
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, app.makePath('ace.js'), 'db:seed'],
      {
        cwd: fileURLToPath(app.appRoot),
        env: process.env,
        stdio: 'inherit',
      }
    )
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`seeding the demo data failed (ace db:seed exited with ${code})`)
}
