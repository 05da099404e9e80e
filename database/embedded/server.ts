/*
| The embedded database: PGlite (PostgreSQL 18 in WASM) with PostGIS,
| served over the PostgreSQL wire protocol on loopback so the app talks to
| it with `pg` exactly as it talks to a real server.
|
| Run as its own process (see supervisor.ts): PGlite in the app process
| would slow every boot and share the app's event loop.
|
|   node database/embedded/server.ts --data <dir> [--port <n>] [--memory]
|
| Prints one JSON line {"ready":true,"port":n} on stdout (and sends it over
| IPC when forked) once it accepts connections.
*/
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { clearEmbeddedState, writeEmbeddedState } from './state.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    memory: { type: 'boolean', default: false },
  },
})

const dataDir = values.data
if (!dataDir) {
  console.error('embedded database: --data <directory> is required')
  process.exit(2)
}

mkdirSync(dirname(dataDir), { recursive: true })

let db: PGlite
try {
  db = await PGlite.create({
    dataDir: values.memory ? undefined : dataDir,
    extensions: { postgis, unaccent },
  })
} catch (error) {
  console.error(`embedded database: cannot open ${dataDir}: ${(error as Error).message}`)
  console.error(
    'Another process may be using it, or it is damaged: stop the other process, or delete the directory to start afresh.'
  )
  process.exit(1)
}

/**
 * One PGlite session is multiplexed between clients: the app keeps a pool of
 * one connection; a few more let ace commands and psql in while it runs.
 */
const server = new PGLiteSocketServer({
  db,
  host: '127.0.0.1',
  port: Number(values.port),
  maxConnections: 8,
})
await server.start()

const address = server.getServerConn()
const port = Number(address.split(':').pop())
writeEmbeddedState({ pid: process.pid, port, dataDir })

const ready = { ready: true, port }
process.stdout.write(`${JSON.stringify(ready)}\n`)
process.send?.(ready)

let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  clearEmbeddedState(dataDir!)
  try {
    await server.stop()
    await db.close()
  } finally {
    process.exit(code)
  }
}

if (process.send) {
  /**
   * Started by a launcher: stop when it says so, or when it is gone. Ctrl+C
   * (or a SIGTERM to the whole process group) also reaches this process;
   * ignoring it keeps the database up until the app, which may be in the
   * middle of a migration, has stopped using it.
   */
  process.on('message', (message: { stop?: boolean }) => message?.stop && stop())
  process.on('disconnect', () => stop())
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => {})
} else {
  process.on('SIGINT', () => stop())
  process.on('SIGTERM', () => stop())
}
