/*
| `npm start` (and `npm run dev` with --watch): everything a fresh clone
| needs to serve Quartier on http://localhost:3333.
|
|  1. writes .env with a random APP_KEY on first run;
|  2. starts the embedded database (unless DATABASE_URL is set) while the
|     assets build (skipped when they are up to date);
|  3. starts the web process, which applies pending migrations, seeds demo
|     data into an empty database and runs the job worker in-process.
|
| Runs on Node's own TypeScript support (no decorators here), before any
| AdonisJS code loads.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureEnvFile, readEnv, usesEmbeddedDatabase } from './dotenv.ts'
import { embeddedDataDir, readEmbeddedState } from '../database/embedded/state.ts'
import { startEmbeddedDb, type EmbeddedDb } from '../database/embedded/supervisor.ts'

const appRoot = fileURLToPath(new URL('../', import.meta.url))
const watch = process.argv.includes('--watch')
const say = (message: string) => console.log(`[quartier] ${message}`)
const fail = (message: string, hint?: string): never => {
  console.error(`\n  Quartier cannot start: ${message}${hint ? `\n\n  ${hint}` : ''}\n`)
  process.exit(1)
}

/** Newest modification time under a folder (asset sources). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

/** 2b. Production assets, rebuilt only when a source changed. */
function buildAssetsIfStale(): Promise<void> {
  const manifest = join(appRoot, 'public/assets/.vite/manifest.json')
  const sources = Math.max(
    newestMtime(join(appRoot, 'resources/css')),
    newestMtime(join(appRoot, 'resources/js')),
    newestMtime(join(appRoot, 'vite.config.ts'))
  )
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return Promise.resolve()

  say('building assets...')
  return new Promise((resolve, reject) => {
    const vite = spawn(
      process.execPath,
      [join(appRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: appRoot,
        stdio: 'inherit',
      }
    )
    vite.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))
    )
  })
}

/** The web process sends { ready: true } once its HTTP server listens. */
function waitUntilServing(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    child.on('message', (message: { ready?: boolean }) => message?.ready && resolve(true))
    child.on('exit', () => resolve(false))
  })
}

if (ensureEnvFile(appRoot)) say('created .env with a fresh APP_KEY')
const env = readEnv(appRoot)
const embedded = usesEmbeddedDatabase(env)
const port = env.PORT ?? '3333'
const host = env.HOST ?? 'localhost'

let db: EmbeddedDb | null = null
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DB_AUTO_MIGRATE: env.DB_AUTO_MIGRATE ?? 'true',
  DB_SEED_DEMO: env.DB_SEED_DEMO ?? 'true',
}

const started = Date.now()
if (embedded) {
  const dataDir = embeddedDataDir(appRoot, env.EMBEDDED_DB_DIR)
  const running = readEmbeddedState(dataDir)
  if (running) {
    fail(
      `the embedded database in ${dataDir} is already in use by process ${running.pid}.`,
      'Another `npm start` is probably running: stop it first (Ctrl+C in its terminal).'
    )
  }
  say(
    existsSync(dataDir)
      ? 'starting the embedded database...'
      : 'creating the embedded database (first run, about 15 s)...'
  )
}

try {
  const [database] = await Promise.all([
    embedded
      ? startEmbeddedDb({
          dataDir: embeddedDataDir(appRoot, env.EMBEDDED_DB_DIR),
          port: env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : 0,
          onLog: (line) => process.stderr.write(line),
        })
      : Promise.resolve(null),
    watch ? Promise.resolve() : buildAssetsIfStale(),
  ])
  db = database
} catch (error) {
  fail((error as Error).message)
}
if (db) {
  childEnv.DB_DRIVER = 'embedded'
  childEnv.EMBEDDED_DB_PORT = String(db.port)
  childEnv.QUEUE_WORKER_IN_PROCESS = env.QUEUE_WORKER_IN_PROCESS ?? 'true'
  say(`embedded database ready on 127.0.0.1:${db.port}`)
}

const args = watch
  ? [join(appRoot, 'ace.js'), 'serve', '--hmr']
  : ['--import=@poppinss/ts-exec', join(appRoot, 'bin/server.ts')]
const app = spawn(process.execPath, args, {
  cwd: appRoot,
  env: childEnv,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
})

let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  if (app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app.once('exit', resolve))
    app.kill('SIGTERM')
    await exited
  }
  await db?.stop()
  process.exit(code)
}

process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))
app.on('exit', (code) => shutdown(code ?? 1))

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
if (await waitUntilServing(app)) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  say(`ready in ${seconds} s: open ${url}`)
  if (childEnv.DB_SEED_DEMO === 'true') {
    say(
      'demo accounts: camille@demo.quartier.localhost (and karim, sophie, tom), password voisins-demo-2026'
    )
  }
}
