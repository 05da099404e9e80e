/*
| HTTP server entrypoint. `npm start` runs it through bin/start.ts, which
| first starts the embedded database and builds the assets.
*/
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { printStartupError } from '#app/startup_error'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listen('SIGINT', () => app.terminate())
    /** Tells the launcher (bin/start.ts) that requests are being served. */
    app.ready(() => {
      process.send?.({ ready: true })
    })
  })
  .httpServer()
  .start()
  .catch(async (error) => {
    if (!printStartupError(error)) await prettyPrintError(error)
    /** A pool still retrying its connection would keep the process alive. */
    process.exit(1)
  })
