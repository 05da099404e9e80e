/*
| Ace commands that touch the database get the embedded database for their
| own duration when nothing serves it yet (`npm run ace -- migration:run`
| works without `npm start` running).
*/
import { fileURLToPath } from 'node:url'
import { readEnv, usesEmbeddedDatabase } from './dotenv.ts'
import { embeddedDataDir, readEmbeddedState } from '../database/embedded/state.ts'
import { startEmbeddedDb, type EmbeddedDb } from '../database/embedded/supervisor.ts'

const NEEDS_DATABASE = /^(migration|db|queue|geo|seed|accounts|verification|bench|repl)(:|$)/

export async function embeddedDatabaseFor(
  args: string[],
  appRoot: URL
): Promise<EmbeddedDb | null> {
  const command = args.find((arg) => !arg.startsWith('-'))
  if (!command || !NEEDS_DATABASE.test(command)) return null

  const root = fileURLToPath(appRoot)
  const env = readEnv(root)
  if (!usesEmbeddedDatabase(env) || env.EMBEDDED_DB_PORT) return null

  const dataDir = embeddedDataDir(root, env.EMBEDDED_DB_DIR)
  if (readEmbeddedState(dataDir)) return null

  const db = await startEmbeddedDb({ dataDir })
  process.env.EMBEDDED_DB_PORT = String(db.port)
  return db
}
