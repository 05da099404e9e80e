/*
| `npm run bench:boot`: how long `npm start` takes until the home page
| answers, and how much memory the processes hold once warmed up.
|
|   1. embedded database, first start (fresh data directory: create, migrate, seed)
|   2. embedded database, restart on that data directory
|   3. real PostgreSQL + PostGIS, first start and restart, when
|      BENCH_DATABASE_URL is set (its `public` schema is dropped first!)
|
| Prints a table, then one JSON line. `--check` exits 1 when a goal is missed;
| `--verbose` echoes the launcher's output.
| Environment: BENCH_PORT (default 3391), BENCH_DATABASE_URL.
|
| Runs on Node's own TypeScript support (no decorators, enums or parameter
| properties here), like bin/start.ts.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv, stripVTControlCharacters } from 'node:util'
import { alive, descendants, memory, readProc, type ProcInfo } from './support/procs.ts'
import { resetPublicSchema } from './support/pg.ts'

const appRoot = fileURLToPath(new URL('../', import.meta.url))
const port = Number(process.env.BENCH_PORT ?? 3391)
const baseUrl = `http://127.0.0.1:${port}`
const strict = process.argv.includes('--check')
const verbose = process.argv.includes('--verbose')

const GOALS = { firstStartS: 30, restartS: 8, appRssMb: 250 }
const READY_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 30_000
const WARM_REQUESTS = 20

interface RunResult {
  backend: 'embedded' | 'postgres'
  run: 'first' | 'restart'
  readyS: number | null
  /** When the launcher said the embedded database accepts connections. */
  dbUpS: number | null
  /** When the app logged "started HTTP server" (after migrations and seed). */
  listeningS: number | null
  /** What the launcher itself printed ("ready in X s", measured on /health). */
  launcherReadyS: number | null
  appRssMb: number | null
  appPeakRssMb: number | null
  dbRssMb: number | null
  dbPeakRssMb: number | null
  warmGetMsP50: number | null
  stopS: number | null
  assetsBuilt: boolean
  logIssues: string[]
  error: string | null
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => Math.round(ms / 100) / 10
const mb = (kb: number | null) => (kb === null ? null : Math.round(kb / 1024))

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`bench:boot needs Node 24 (got ${process.version}): run it with npm run bench:boot`)
  process.exit(1)
}

/* ------------------------------------------------------------------ */
/* Environment                                                        */
/* ------------------------------------------------------------------ */

/** What the .env files alone say (the launcher puts process.env on top). */
function envFiles(): Record<string, string> {
  const nodeEnv = process.env.NODE_ENV ?? 'development'
  const values: Record<string, string> = {}
  for (const name of ['.env', `.env.${nodeEnv}`, '.env.local']) {
    const file = join(appRoot, name)
    if (existsSync(file)) Object.assign(values, parseEnv(readFileSync(file, 'utf8')))
  }
  return values
}

function launcherEnv(
  backend: 'embedded' | 'postgres',
  options: { dataDir?: string; databaseUrl?: string }
) {
  const fromFiles = envFiles()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' }
  for (const key of ['DATABASE_URL', 'DB_DRIVER', 'EMBEDDED_DB_DIR', 'EMBEDDED_DB_PORT']) {
    delete env[key]
  }
  // An empty value in the process environment hides one from the .env files.
  if (backend === 'embedded') {
    env.EMBEDDED_DB_DIR = options.dataDir
    if (fromFiles.DATABASE_URL) env.DATABASE_URL = ''
    if (fromFiles.DB_DRIVER) env.DB_DRIVER = ''
    if (fromFiles.EMBEDDED_DB_PORT) env.EMBEDDED_DB_PORT = ''
  } else {
    env.DATABASE_URL = options.databaseUrl
    if (fromFiles.DB_DRIVER) env.DB_DRIVER = ''
  }
  return env
}

function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/* ------------------------------------------------------------------ */
/* Assets                                                             */
/* ------------------------------------------------------------------ */

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

/** Same staleness rule as bin/start.ts, so no run below pays for a build. */
async function ensureAssets(): Promise<string> {
  const manifest = join(appRoot, 'public/assets/.vite/manifest.json')
  const sources = Math.max(
    newestMtime(join(appRoot, 'resources/css')),
    newestMtime(join(appRoot, 'resources/js')),
    newestMtime(join(appRoot, 'vite.config.ts'))
  )
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return 'up to date'
  const started = Date.now()
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(
      process.execPath,
      [join(appRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: appRoot, stdio: 'inherit' }
    )
    vite.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))
    )
  })
  return `built before measuring (${seconds(Date.now() - started).toFixed(1)} s, untimed)`
}

/* ------------------------------------------------------------------ */
/* One measured start                                                 */
/* ------------------------------------------------------------------ */

let current: ChildProcess | null = null

function emptyResult(backend: RunResult['backend'], run: RunResult['run']): RunResult {
  return {
    backend,
    run,
    readyS: null,
    dbUpS: null,
    listeningS: null,
    launcherReadyS: null,
    appRssMb: null,
    appPeakRssMb: null,
    dbRssMb: null,
    dbPeakRssMb: null,
    warmGetMsP50: null,
    stopS: null,
    assetsBuilt: false,
    logIssues: [],
    error: null,
  }
}

async function get(path: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  await response.arrayBuffer()
  return response.status
}

async function measure(
  backend: 'embedded' | 'postgres',
  run: 'first' | 'restart',
  env: NodeJS.ProcessEnv,
  logFile: string
): Promise<RunResult> {
  const result = emptyResult(backend, run)
  process.stdout.write(`  ${backend} ${run} start... `)

  if (!(await portIsFree())) {
    result.error = `port ${port} is in use: set BENCH_PORT to a free port`
    console.log(`failed\n    ${result.error}`)
    return result
  }

  const log = createWriteStream(logFile)
  const lines: string[] = []
  /** When each line arrived, in ms since the spawn. */
  const arrivals: number[] = []
  const started = performance.now()
  const launcher = spawn(process.execPath, [join(appRoot, 'bin/start.ts')], {
    cwd: appRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  current = launcher
  let pending = ''
  const collect = (chunk: Buffer) => {
    log.write(chunk)
    if (verbose) process.stdout.write(chunk)
    pending += chunk.toString()
    const parts = pending.split('\n')
    pending = parts.pop()!
    for (const part of parts) {
      lines.push(stripVTControlCharacters(part))
      arrivals.push(performance.now() - started)
    }
  }
  launcher.stdout.on('data', collect)
  launcher.stderr.on('data', collect)
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()))

  let tracked: ProcInfo[] = []
  try {
    // 1. Wall time until the home page answers 200.
    const deadline = started + READY_TIMEOUT_MS
    while (true) {
      if (launcher.exitCode !== null || launcher.signalCode !== null) {
        throw new Error(
          `the launcher exited (${launcher.exitCode ?? launcher.signalCode}) before GET / answered 200`
        )
      }
      if (performance.now() > deadline) {
        throw new Error(`GET / did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`)
      }
      const attempt = performance.now()
      try {
        if ((await get('/')) === 200) break
      } catch {}
      await sleep(Math.max(0, 100 - (performance.now() - attempt)))
    }
    result.readyS = seconds(performance.now() - started)

    // 2. Warm up, then read the memory of the app and database processes.
    const timings: number[] = []
    for (let i = 0; i < WARM_REQUESTS; i++) {
      const t = performance.now()
      const status = await get('/')
      timings.push(performance.now() - t)
      if (status !== 200) throw new Error(`warm-up GET / answered ${status}`)
    }
    timings.sort((a, b) => a - b)
    result.warmGetMsP50 = Math.round(timings[Math.floor(timings.length / 2)] * 10) / 10

    tracked = descendants(launcher.pid!)
    const app = tracked.find(
      (proc) => proc.ppid === launcher.pid && proc.cmdline.includes('bin/server.ts')
    )
    const db = tracked.find(
      (proc) => proc.ppid === launcher.pid && proc.cmdline.includes('database/embedded/server.ts')
    )
    if (!app) throw new Error('no app process (bin/server.ts) among the launcher children')
    if (backend === 'embedded' && !db) {
      throw new Error(
        'no embedded database process (database/embedded/server.ts) among the launcher children'
      )
    }
    const appMem = memory(app.pid)
    result.appRssMb = mb(appMem?.rss ?? null)
    result.appPeakRssMb = mb(appMem?.peak ?? null)
    if (db) {
      const dbMem = memory(db.pid)
      result.dbRssMb = mb(dbMem?.rss ?? null)
      result.dbPeakRssMb = mb(dbMem?.peak ?? null)
    }
  } catch (error) {
    result.error = (error as Error).message
  }

  // 3. Stop like Ctrl+C would, and wait until every child is gone.
  if (tracked.length === 0 && launcher.pid) tracked = descendants(launcher.pid)
  const stopping = performance.now()
  if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGTERM')
  const stopDeadline = stopping + STOP_TIMEOUT_MS
  await Promise.race([exited, sleep(STOP_TIMEOUT_MS)])
  while (tracked.some(alive) && performance.now() < stopDeadline) await sleep(50)
  const leftovers = tracked.filter(alive)
  if (launcher.exitCode === null && launcher.signalCode === null)
    leftovers.push(readProc(launcher.pid!)!)
  if (leftovers.length > 0) {
    for (const proc of leftovers) {
      try {
        process.kill(proc.pid, 'SIGKILL')
      } catch {}
    }
    const note = `still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM (killed): ${leftovers.map((p) => p.cmdline).join('; ')}`
    result.error = result.error ? `${result.error}; ${note}` : note
  } else {
    result.stopS = seconds(performance.now() - stopping)
  }
  current = null
  if (pending) lines.push(stripVTControlCharacters(pending))
  const arrivalOf = (pattern: RegExp) => {
    const index = lines.findIndex((line) => pattern.test(line))
    return index >= 0 && index < arrivals.length ? seconds(arrivals[index]) : null
  }
  result.dbUpS = arrivalOf(/\[quartier\] embedded database ready/)
  result.listeningS = arrivalOf(/started HTTP server/)
  await new Promise((resolve) => log.end(resolve))

  const launcherReady = lines
    .map((line) => /\[quartier\] ready in ([\d.]+) s/.exec(line)?.[1])
    .find(Boolean)
  result.launcherReadyS = launcherReady ? Number(launcherReady) : null
  result.assetsBuilt = lines.some((line) => line.includes('building assets'))
  result.logIssues = lines
    .filter((line) => /\b(error|warn(ing)?|fatal|exception|unhandled|deprecat)/i.test(line))
    .map((line) => line.trim().slice(0, 240))

  console.log(result.error ? 'failed' : `ready in ${result.readyS!.toFixed(1)} s`)
  if (result.error) {
    console.log(`    ${result.error}`)
    console.log(`    last lines of its output:`)
    for (const line of lines.slice(-25)) console.log(`    | ${line}`)
  }
  return result
}

/* ------------------------------------------------------------------ */
/* PostgreSQL                                                         */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Report                                                             */
/* ------------------------------------------------------------------ */

interface Check {
  label: string
  value: string
  goal: string
  ok: boolean
}

function checks(results: RunResult[]): Check[] {
  const list: Check[] = []
  for (const r of results) {
    const name = `${r.backend} ${r.run}`
    if (r.error) {
      list.push({ label: `${name}`, value: 'failed', goal: 'runs', ok: false })
      continue
    }
    const limit = r.run === 'first' ? GOALS.firstStartS : GOALS.restartS
    list.push({
      label: `${name} start`,
      value: `${r.readyS!.toFixed(1)} s`,
      goal: `< ${limit} s`,
      ok: r.readyS! < limit,
    })
    list.push({
      label: `${name} app RSS`,
      value: `${r.appRssMb} MB`,
      goal: `< ${GOALS.appRssMb} MB`,
      ok: r.appRssMb! < GOALS.appRssMb,
    })
  }
  return list
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
  return rows
    .map((row) =>
      row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')
    )
    .join('\n')
}

function report(results: RunResult[], context: Record<string, unknown>) {
  const fmt = (value: number | null, unit: string, digits: number) =>
    value === null ? '-' : `${value.toFixed(digits)} ${unit}`
  console.log(
    [
      '',
      'Results. Times in seconds since the spawn of `node bin/start.ts`: db up = embedded',
      'database accepting connections, listening = app logged "started HTTP server" (after',
      'migrations and seed), ready = GET / answered 200. RSS = VmRSS after',
      `${WARM_REQUESTS} warm GET / (peak = VmHWM), MB = 1024 × 1024 bytes. stop = SIGTERM to the`,
      'launcher until all its processes are gone.',
      '',
    ].join('\n')
  )
  const rows = [
    [
      'backend',
      'run',
      'db up',
      'listening',
      'ready',
      'app RSS',
      'db RSS',
      'db peak',
      'GET / p50',
      'stop',
    ],
    ...results.map((r) => [
      r.backend,
      r.run,
      fmt(r.dbUpS, 's', 1),
      fmt(r.listeningS, 's', 1),
      r.error ? 'FAILED' : fmt(r.readyS, 's', 1),
      fmt(r.appRssMb, 'MB', 0),
      fmt(r.dbRssMb, 'MB', 0),
      fmt(r.dbPeakRssMb, 'MB', 0),
      fmt(r.warmGetMsP50, 'ms', 1),
      fmt(r.stopS, 's', 1),
    ]),
  ]
  console.log(table(rows).replace(/^/gm, '  '))

  const list = checks(results)
  console.log('\nGoals\n')
  console.log(
    table([
      ['measure', 'value', 'goal', ''],
      ...list.map((c) => [c.label, c.value, c.goal, c.ok ? 'ok' : 'MISSED']),
    ]).replace(/^/gm, '  ')
  )

  const notes: string[] = []
  for (const r of results) {
    if (r.assetsBuilt)
      notes.push(`${r.backend} ${r.run}: the launcher built assets during the timed start`)
    if (r.logIssues.length > 0) {
      notes.push(
        `${r.backend} ${r.run}: ${r.logIssues.length} warning/error line(s) in the output:`
      )
      for (const line of r.logIssues.slice(0, 8)) notes.push(`    ${line}`)
      if (r.logIssues.length > 8) notes.push(`    ... and ${r.logIssues.length - 8} more`)
    }
  }
  if (notes.length > 0) {
    console.log('\nNotes\n')
    for (const note of notes) console.log(`  ${note}`)
  }

  const pass = list.every((c) => c.ok)
  console.log(`\n${pass ? 'All goals met.' : 'Some goals missed or runs failed.'}\n`)
  console.log(
    JSON.stringify({
      bench: 'boot',
      ...context,
      goals: GOALS,
      runs: results.map(({ logIssues, ...r }) => ({ ...r, logIssueCount: logIssues.length })),
      pass,
    })
  )
  return pass
}

/* ------------------------------------------------------------------ */
/* Main                                                               */
/* ------------------------------------------------------------------ */

const workDir = mkdtempSync(join(tmpdir(), 'quartier-bench-boot-'))
const cleanup = () => rmSync(workDir, { recursive: true, force: true })
process.on('SIGINT', () => {
  current?.kill('SIGTERM')
  setTimeout(() => {
    cleanup()
    process.exit(130)
  }, 3000)
})

const nodeEnv = process.env.NODE_ENV ?? envFiles().NODE_ENV ?? 'development'
console.log(
  `Quartier boot benchmark: node ${process.version}, ${process.platform} ${process.arch}, ` +
    `${cpus().length} CPU(s), NODE_ENV=${nodeEnv}, port ${port}`
)

const results: RunResult[] = []
let assets = ''
try {
  assets = await ensureAssets()
  console.log(`assets: ${assets}\n`)

  const dataDir = join(workDir, 'pglite')
  const embeddedEnv = launcherEnv('embedded', { dataDir })
  results.push(await measure('embedded', 'first', embeddedEnv, join(workDir, 'embedded-first.log')))
  if (!results[0].error) {
    results.push(
      await measure('embedded', 'restart', embeddedEnv, join(workDir, 'embedded-restart.log'))
    )
  }

  const databaseUrl = process.env.BENCH_DATABASE_URL
  if (databaseUrl) {
    const postgresEnv = launcherEnv('postgres', { databaseUrl })
    try {
      await resetPublicSchema(databaseUrl)
      const first = await measure(
        'postgres',
        'first',
        postgresEnv,
        join(workDir, 'postgres-first.log')
      )
      results.push(first)
      if (!first.error) {
        results.push(
          await measure('postgres', 'restart', postgresEnv, join(workDir, 'postgres-restart.log'))
        )
      }
    } catch (error) {
      console.log(`  postgres: ${(error as Error).message}`)
      results.push({ ...emptyResult('postgres', 'first'), error: (error as Error).message })
    }
  } else {
    console.log(
      '  postgres: skipped. To measure it, point BENCH_DATABASE_URL at a PostgreSQL + PostGIS\n' +
        '  database the bench may wipe (its public schema is dropped), e.g.\n' +
        '    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/quartier_bench npm run bench:boot'
    )
  }
} finally {
  cleanup()
}

const pass = report(results, {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  nodeEnv,
  assets,
  postgres: Boolean(process.env.BENCH_DATABASE_URL),
})
process.exit(results.some((r) => r.error) || (strict && !pass) ? 1 : 0)
