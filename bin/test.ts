/*
| Test runner entrypoint (`npm test`). Without DATABASE_URL it starts the
| embedded database on a throwaway directory; it always starts a real local
| SMTP server that the tests read mails from. Everything else comes from
| tests/bootstrap.ts.
*/
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { readEnv, usesEmbeddedDatabase } from '#bin/dotenv'
import { startEmbeddedDb, type EmbeddedDb } from '#database/embedded/supervisor'
import { mailbox } from '#tests/helpers/mailbox'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/** Tests never need a real secret: a fresh random key per run. */
process.env.APP_KEY ??= randomBytes(32).toString('base64url')
process.env.QUEUE_DRIVER ??= 'sync'
process.env.MAIL_DRIVER ??= 'smtp'
process.env.LIMITER_STORE ??= 'database'
process.env.LOG_LEVEL ??= 'warn'
/** Offline by default: tests that need the address API fake it with nock. */
process.env.GEOCODER_DRIVER ??= 'none'
process.env.MAP_TILE_URL ??= 'none'

/**
 * The tests empty every table: refuse a database whose name does not say
 * it is for tests, so a development or production DATABASE_URL is safe.
 */
function assertThrowawayDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
  if (!/test/i.test(name)) {
    console.error(
      `\n  npm test empties every table, so it refuses the database "${name}".\n` +
        '  Point DATABASE_URL at a database whose name contains "test" (e.g. quartier_test),\n' +
        '  or unset it to use a throwaway embedded database.\n'
    )
    process.exit(1)
  }
}

let embedded: EmbeddedDb | null = null
let embeddedDir: string | null = null
const testEnv = readEnv(fileURLToPath(APP_ROOT), 'test')
if (!usesEmbeddedDatabase(testEnv)) assertThrowawayDatabase(testEnv.DATABASE_URL ?? '')
if (usesEmbeddedDatabase(testEnv)) {
  embeddedDir = mkdtempSync(join(tmpdir(), 'quartier-test-db-'))
  console.log('Starting the embedded database for the tests (throwaway directory)...')
  embedded = await startEmbeddedDb({ dataDir: join(embeddedDir, 'pglite') })
  process.env.DB_DRIVER = 'embedded'
  process.env.EMBEDDED_DB_PORT = String(embedded.port)
}

/** A free port, so the tests run beside a development server on 3333. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
process.env.HOST = '127.0.0.1'
process.env.PORT = process.env.TEST_PORT ?? String(await freePort())
/** The Vite dev server's hot-reload websocket too (its default port is fixed). */
process.env.VITE_HMR_PORT ??= String(await freePort())

/** Uploaded files go to a throwaway folder, removed with the database at the end. */
const driveRoot = mkdtempSync(join(tmpdir(), 'quartier-test-drive-'))
process.env.DRIVE_ROOT = driveRoot

const smtp = await mailbox.listen()
process.env.SMTP_HOST = '127.0.0.1'
process.env.SMTP_PORT = String(smtp.port)
process.env.SMTP_SECURE = 'false'

async function cleanUp() {
  await mailbox.close()
  await embedded?.stop()
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true })
  rmSync(driveRoot, { recursive: true, force: true })
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    /** A stuck test must not keep the run (and its database) alive when stopped. */
    app.listen('SIGTERM', () => {
      setTimeout(() => process.exit(143), 5000).unref()
      return app.terminate()
    })
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate(), cleanUp]),
      },
    })
  })
  .run(() => run())
  .catch(async (error) => {
    await prettyPrintError(error)
    await cleanUp()
    /** The app may be half started (Vite dev server, pool): do not hang. */
    process.exit(1)
  })
