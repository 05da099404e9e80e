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
    /**
     * Stopping while still booting (migrations, seed) exits at once: a
     * graceful shutdown would close the pool under the running migration,
     * which then waits for a connection until the pool times out. Each
     * migration runs in a transaction, so PostgreSQL rolls it back.
     */
    let ready = false
    const stop = (signalExitCode: number) =>
      ready ? app.terminate() : process.exit(signalExitCode)
    app.listen('SIGTERM', () => stop(143))
    app.listen('SIGINT', () => stop(130))
    /** Tells the launcher (bin/start.ts) that requests are being served. */
    app.ready(() => {
      ready = true
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
