/*
| Ace entrypoint. On the embedded backend, commands that need the database
| start it for their own duration unless `npm start` already serves it.
*/
import 'reflect-metadata'
import { fileURLToPath } from 'node:url'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { printStartupError } from '#app/startup_error'
import { ensureEnvFile } from '#bin/dotenv'
import { embeddedDatabaseFor } from '#bin/embedded_for_command'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/** `npm run ace -- codegen` works on a fresh clone, before any `npm start`. */
ensureEnvFile(fileURLToPath(APP_ROOT))

const args = process.argv.splice(2)
const embedded = await embeddedDatabaseFor(args, APP_ROOT)

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.terminating(async () => {
      await embedded?.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(args)
  .catch((error) => {
    process.exitCode = 1
    if (!printStartupError(error)) prettyPrintError(error)
  })
  .finally(async () => {
    await embedded?.stop()
  })
