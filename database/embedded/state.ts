/*
| Where a running embedded database can be found. The PGlite server writes
| `<dataDir>.json` ({ pid, port }) once it listens, so `npm run ace` or a
| second launcher can reach the database that `npm start` already serves
| (a PGlite data directory can only be opened by one process).
|
| Plain TypeScript without decorators: loaded by the launchers through
| Node's own type stripping, and by config/database.ts.
*/
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface EmbeddedDbState {
  pid: number
  port: number
  dataDir: string
}

export const DEFAULT_EMBEDDED_DIR = 'storage/pglite'

export function embeddedDataDir(appRoot: string, dir = process.env.EMBEDDED_DB_DIR): string {
  return resolve(appRoot, dir || DEFAULT_EMBEDDED_DIR)
}

function stateFile(dataDir: string): string {
  return `${dataDir}.json`
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export function readEmbeddedState(dataDir: string): EmbeddedDbState | null {
  const file = stateFile(dataDir)
  if (!existsSync(file)) return null
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedDbState
    return isAlive(state.pid) ? state : null
  } catch {
    return null
  }
}

export function writeEmbeddedState(state: EmbeddedDbState): void {
  writeFileSync(stateFile(state.dataDir), JSON.stringify(state))
}

export function clearEmbeddedState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true })
}
