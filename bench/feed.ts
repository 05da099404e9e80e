/*
| `npm run bench:feed`: how fast the local feed page answers a signed-in
| resident when the database holds a city's worth of exchanges, on a real
| PostgreSQL + PostGIS.
|
|   1. wipes BENCH_DATABASE_URL's `public` schema, migrates, runs the demo
|      seed (Paris quartiers, Ille-et-Vilaine communes, demo residents),
|      imports every French commune as a town, then makes 420 communes of
|      Ille-et-Vilaine and Côtes-d'Armor into neighbourhoods (with the
|      importer, so nearby pairs are computed): 500 neighbourhoods
|   2. generates residents spread over them (homes from ST_GeneratePoints)
|      and exchanges by random residents (scopes 70% neighbourhood, 20%
|      nearby, 10% town; 80% open; published over the last 29 days)
|   3. compiles the app (`node ace build`) and starts it as production
|      does (`node build/bin/server.js`, no job worker; `--from-source`
|      starts `node bin/start.ts` instead), signs in as the demo resident Camille (Saint-Georges,
|      Paris 9e) and loads GET /feed with autocannon: at a fixed rate, then
|      as fast as it goes, then filtered by kind and by a search
|
| Prints a table, then one JSON line. `--check` exits 1 when a goal is
| missed. Options: --residents=N (50000) --exchanges=N (2000000)
| --rate=N (150 req/s) --duration=S (20) --connections=N (10) --reuse (keep
| the data of a previous run when it has the same size) --heap=MB (192: the
| web process's --max-old-space-size, as README recommends; 0: none)
| --from-source --verbose.
| Environment: BENCH_DATABASE_URL (required; its public schema is dropped
| unless --reuse finds the data in place), BENCH_PORT (3392).
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { aceFailure, runAce } from './support/ace.ts'
import { descendants, memory } from './support/procs.ts'
import { resetPublicSchema, withPg } from './support/pg.ts'
import { appKeyFor, buildForProduction } from './support/production_build.ts'

const appRoot = fileURLToPath(new URL('../', import.meta.url))
const argv = process.argv.slice(2)
const strict = argv.includes('--check')
const verbose = argv.includes('--verbose')
const reuse = argv.includes('--reuse')
const fromSource = argv.includes('--from-source')

function option(name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = argv.find((arg) => arg.startsWith(`--${name}=`))
  if (!raw) return fallback
  const value = Number(raw.split('=')[1])
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    console.error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer`)
    process.exit(1)
  }
  return value
}

const SIZE = {
  residents: option('residents', 50_000),
  exchanges: option('exchanges', 2_000_000),
  neighbourhoods: 500,
}
const LOAD = {
  rate: option('rate', 150),
  durationS: option('duration', 20),
  connections: option('connections', 10),
  heapMb: option('heap', 192, { allowZero: true }),
}
const GOALS = { p99Ms: 50, rssMb: 300 }
const VIEWER = { email: 'camille@demo.quartier.localhost', password: 'voisins-demo-2026' }
const port = Number(process.env.BENCH_PORT ?? 3392)
const baseUrl = `http://127.0.0.1:${port}`
const BATCH = 250_000

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`bench:feed needs Node 24 (got ${process.version}): run it with npm run bench:feed`)
  process.exit(1)
}
const databaseUrl = process.env.BENCH_DATABASE_URL
if (!databaseUrl) {
  console.error(
    'bench:feed needs a real PostgreSQL + PostGIS: set BENCH_DATABASE_URL (its public schema is dropped)'
  )
  process.exit(1)
}
const dataDir = resolve(appRoot, process.env.GEO_DATA_DIR ?? '../shared/data')
const communesFile = join(dataDir, 'france-communes.geojson.gz')
if (!existsSync(communesFile) || !existsSync(join(dataDir, 'paris-quartiers.geojson'))) {
  console.error(`bench:feed needs the boundary data in ${dataDir} (GEO_DATA_DIR)`)
  process.exit(1)
}

const seconds = (ms: number) => Math.round(ms / 100) / 10
const log = (message: string) => console.log(`[bench:feed] ${message}`)
let child: ChildProcess | null = null
const workDir = mkdtempSync(join(tmpdir(), 'quartier-bench-feed-'))

/* ------------------------------------------------------------------ */
/* Data                                                               */
/* ------------------------------------------------------------------ */

async function ace(what: string, args: string[]) {
  const run = await runAce(args, {
    databaseUrl: databaseUrl!,
    verbose,
    onSpawn: (c) => (child = c),
  })
  if (run.code !== 0) throw aceFailure(what, run)
  return run
}

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  withPg(databaseUrl!, async (client) => {
    const result = await client.query(text, values)
    return result.rows as T[]
  })

async function dataInPlace(): Promise<boolean> {
  try {
    const [row] = await sql<{ exchanges: string; residents: string; neighbourhoods: string }>(
      `SELECT (SELECT count(*) FROM exchanges) AS exchanges,
              (SELECT count(*) FROM residents) AS residents,
              (SELECT count(*) FROM neighbourhoods) AS neighbourhoods`
    )
    return (
      Number(row.exchanges) === SIZE.exchanges &&
      Number(row.residents) >= SIZE.residents &&
      Number(row.neighbourhoods) === SIZE.neighbourhoods
    )
  } catch {
    return false
  }
}

/** 420 communes of Ille-et-Vilaine (35) then Côtes-d'Armor (22) as neighbourhoods. */
async function communeNeighbourhoods() {
  const wanted = SIZE.neighbourhoods - 80
  const rows = await sql<{ insee_code: string; name: string; geometry: string }>(
    `SELECT insee_code, name, ST_AsGeoJSON(boundary, 6) AS geometry FROM towns
      WHERE departement IN ('35', '22') ORDER BY departement DESC, insee_code LIMIT $1`,
    [wanted]
  )
  const file = join(workDir, 'communes-as-neighbourhoods.geojson')
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: rows.map((row) => ({
        type: 'Feature',
        properties: { name: row.name, code: `c${row.insee_code}`, insee: row.insee_code },
        geometry: JSON.parse(row.geometry),
      })),
    })
  )
  await ace('geo:import-neighbourhoods', [
    'geo:import-neighbourhoods',
    file,
    '--name-property=name',
    '--code-property=code',
    '--town-property=insee',
  ])
}

/** Residents: users sharing the demo password's hash, homes spread evenly over the neighbourhoods. */
async function residents() {
  const [{ password }] = await sql<{ password: string }>(
    'SELECT password FROM users WHERE email = $1',
    [VIEWER.email]
  )
  const perNeighbourhood = Math.ceil(SIZE.residents / SIZE.neighbourhoods)
  await sql(
    `INSERT INTO users (display_name, email, password, home_address, locale, role,
                        email_verified_at, session_epoch, created_at, updated_at)
     SELECT 'Voisine ' || g || ' Bench', 'bench' || g || '@bench.quartier.localhost', $1,
            'adresse de test', 'fr', 'resident', now(), 0, now(), now()
       FROM generate_series(1, $2::int) g`,
    [password, SIZE.residents]
  )
  await sql(
    `WITH homes AS (
       SELECT n.id AS neighbourhood_id, n.town_id, d.geom,
              row_number() OVER (ORDER BY n.id, d.path) AS rn
         FROM neighbourhoods n,
              LATERAL ST_Dump(ST_GeneratePoints(n.boundary, $1::int, 1789)) d
     ), people AS (
       SELECT id, row_number() OVER (ORDER BY id) AS rn FROM users
        WHERE email LIKE 'bench%@bench.quartier.localhost'
     )
     INSERT INTO residents (user_id, town_id, neighbourhood_id, address_label, street_name,
                            home_point, display_point, placement, verified_at, placed_at,
                            created_at, updated_at)
     SELECT p.id, h.town_id, h.neighbourhood_id, 'adresse de test', 'rue du Banc d''Essai',
            h.geom, ST_SnapToGrid(h.geom, 0.002), 'map_pin',
            CASE WHEN p.rn % 5 = 0 THEN NULL ELSE now() - interval '30 days' END,
            now(), now(), now()
       FROM people p JOIN homes h ON h.rn = p.rn`,
    [perNeighbourhood]
  )
}

/** Exchanges by random bench residents, in batches (one statement each). */
async function exchanges() {
  const [{ first, count }] = await sql<{ first: string; count: string }>(
    `SELECT min(user_id) AS first, count(*) AS count FROM residents r
       JOIN users u ON u.id = r.user_id WHERE u.email LIKE 'bench%@bench.quartier.localhost'`
  )
  for (let start = 1; start <= SIZE.exchanges; start += BATCH) {
    const end = Math.min(SIZE.exchanges, start + BATCH - 1)
    const started = performance.now()
    await sql(
      `WITH words AS (
         SELECT ARRAY['Perceuse', 'Tondeuse', 'Vélo', 'Échelle', 'Livres', 'Poussette',
                      'Cours de guitare', 'Aide au déménagement', 'Confiture maison',
                      'Garde de chat', 'Ordinateur portable', 'Manteau d''hiver'] AS titles,
                ARRAY['tools', 'garden', 'children', 'diy', 'computing', 'moving', 'food',
                      'books', 'clothes', 'animals', 'other'] AS categories,
                ARRAY['barter', 'service', 'loan', 'gift'] AS kinds
       ), rows AS (
         SELECT g, (random() * 29 * 86400)::int AS age_s,
                $3::bigint + (hashint4(g) & 2147483647) % $4::int AS author
           FROM generate_series($1::int, $2::int) g
       )
       INSERT INTO exchanges (author_id, direction, kind, category, title, description,
                              price_cents, scope, neighbourhood_id, town_id, author_street,
                              status, expires_at, published_at, created_at, updated_at)
       SELECT r.user_id,
              CASE WHEN g % 3 = 0 THEN 'request' ELSE 'offer' END,
              w.kinds[1 + g % 4],
              w.categories[1 + g % 11],
              w.titles[1 + g % 12] || ' n°' || g,
              'Annonce de banc d''essai numéro ' || g || ' : ' || w.titles[1 + (g / 7) % 12]
                || ' à prêter, donner ou échanger entre voisins du quartier.',
              CASE WHEN g % 7 = 0 THEN 500 + g % 5000 ELSE NULL END,
              CASE WHEN g % 10 < 7 THEN 'neighbourhood' WHEN g % 10 < 9 THEN 'nearby' ELSE 'town' END,
              r.neighbourhood_id, r.town_id, r.street_name,
              CASE WHEN g % 5 = 0 THEN 'done' ELSE 'open' END,
              now() - make_interval(secs => age_s) + interval '30 days',
              now() - make_interval(secs => age_s),
              now() - make_interval(secs => age_s),
              now() - make_interval(secs => age_s)
         FROM rows JOIN residents r ON r.user_id = rows.author, words w`,
      [start, end, Number(first), Number(count)]
    )
    log(
      `exchanges ${end.toLocaleString('en')} / ${SIZE.exchanges.toLocaleString('en')} (${seconds(performance.now() - started)} s)`
    )
  }
  await sql('ANALYZE')
}

async function buildData(): Promise<number> {
  const started = performance.now()
  const context = await resetPublicSchema(databaseUrl!)
  log(`database ${context.database} (${context.server}): schema reset`)
  await ace('migration:run', ['migration:run', '--force'])
  await ace('db:seed (demo)', ['db:seed'])
  log('demo seed done; importing every French commune as a town')
  await ace('geo:import-towns', ['geo:import-towns', communesFile])
  await communeNeighbourhoods()
  log(`${SIZE.neighbourhoods} neighbourhoods; generating residents`)
  await residents()
  await exchanges()
  return performance.now() - started
}

/* ------------------------------------------------------------------ */
/* App and load                                                       */
/* ------------------------------------------------------------------ */

function startApp(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_KEY: appKeyFor(appRoot),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DB_DRIVER: 'postgres',
    DB_AUTO_MIGRATE: 'false',
    DB_SEED_DEMO: 'false',
    QUEUE_WORKER_IN_PROCESS: 'false',
    LOG_LEVEL: 'warn',
    SMS_DRIVER: 'none',
    MAIL_DRIVER: 'file',
    GEOCODER_DRIVER: 'none',
    MAP_TILE_URL: 'none',
    APP_URL: baseUrl,
  }
  delete env.EMBEDDED_DB_DIR
  delete env.EMBEDDED_DB_PORT
  /** As production runs it (compiled), unless --from-source asks for `npm start`'s way. */
  /** The production heap cap the README recommends for a web process (--heap=MB, 0: none). */
  const heapArgs = !fromSource && LOAD.heapMb > 0 ? [`--max-old-space-size=${LOAD.heapMb}`] : []
  const entry = fromSource ? 'bin/start.ts' : 'bin/server.js'
  const launcher = spawn(process.execPath, [...heapArgs, entry], {
    cwd: fromSource ? appRoot : join(appRoot, 'build'),
    env,
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'pipe'],
  })
  launcher.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  return launcher
}

async function waitUntilUp(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health`)
      if (response.ok) return
    } catch {}
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`the app did not answer on ${baseUrl} within ${timeoutMs / 1000} s`)
}

/** Signs in through the login form like a browser; returns the Cookie header. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      jar.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const form = await fetch(`${baseUrl}/login`)
  keep(form)
  const token = /name="csrf-token" content="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('no CSRF token on /login')
  const login = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': header() },
    body: new URLSearchParams({ _csrf: token, ...VIEWER }).toString(),
  })
  keep(login)
  if (login.status !== 302 || login.headers.get('location') === '/login') {
    throw new Error(`signing in as ${VIEWER.email} failed (${login.status})`)
  }
  return header()
}

interface LoadResult {
  name: string
  path: string
  requests: number
  reqPerS: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  non2xx: number
  errors: number
  itemsOnPage: number
}

function appPid(launcher: ChildProcess): number | null {
  if (!fromSource) return launcher.pid ?? null
  const app = descendants(launcher.pid!).find((proc) => proc.cmdline.includes('bin/server'))
  return app?.pid ?? null
}

async function load(
  name: string,
  path: string,
  cookie: string,
  rate: number | null
): Promise<LoadResult> {
  const check = await fetch(`${baseUrl}${path}`, { headers: { cookie } })
  const html = await check.text()
  if (check.status !== 200) throw new Error(`GET ${path} answered ${check.status}`)
  const itemsOnPage = (html.match(/data-feed-item/g) ?? []).length
  const { default: autocannon } = (await import('autocannon' as string)) as {
    default: (options: Record<string, unknown>) => Promise<any>
  }
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    headers: { cookie, accept: 'text/html' },
    connections: LOAD.connections,
    duration: LOAD.durationS,
    ...(rate ? { overallRate: rate } : {}),
  })
  return {
    name,
    path,
    requests: result.requests.total,
    reqPerS: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    itemsOnPage,
  }
}

/* ------------------------------------------------------------------ */
/* Run                                                                */
/* ------------------------------------------------------------------ */

function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)))
  return rows
    .map((row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join('  '))
    .join('\n')
}

process.on('SIGINT', () => {
  child?.kill('SIGTERM')
  process.exit(130)
})

let launcher: ChildProcess | null = null
let exitCode = 0
try {
  let dataMs: number | null = null
  if (reuse && (await dataInPlace())) {
    log('reusing the data in place (--reuse); running any new migrations')
    await ace('migration:run', ['migration:run', '--force'])
  } else dataMs = await buildData()
  const [counts] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM neighbourhoods) AS neighbourhoods,
            (SELECT count(*) FROM residents) AS residents,
            (SELECT count(*) FROM exchanges) AS exchanges,
            (SELECT count(*) FROM exchanges WHERE status = 'open') AS open_exchanges,
            pg_size_pretty(pg_database_size(current_database())) AS size`
  )

  if (!fromSource) {
    log('compiling the app for production (node ace build)')
    buildForProduction(appRoot)
  }
  launcher = startApp()
  await waitUntilUp()
  const cookie = await signIn()
  const pid = appPid(launcher)
  log(`app up on ${baseUrl} (pid ${pid}); warming up`)
  /**
   * At the load's concurrency, so that every pooled database connection is
   * open and has its prepared statements planned before the timed runs
   * (50 requests one after another warmed a single connection).
   */
  await Promise.all(
    Array.from({ length: LOAD.connections }, async () => {
      for (let i = 0; i < 50; i++) {
        for (const path of ['/feed', '/feed?kind=loan', '/feed?q=perceuse']) {
          await fetch(`${baseUrl}${path}`, { headers: { cookie } }).then((r) => r.text())
        }
      }
    })
  )

  const runs: LoadResult[] = []
  let peakKb = 0
  const sampler = setInterval(() => {
    const mem = pid ? memory(pid) : null
    if (mem) peakKb = Math.max(peakKb, mem.rss)
  }, 250)
  runs.push(await load(`fixed rate ${LOAD.rate} req/s`, '/feed', cookie, LOAD.rate))
  runs.push(await load('as fast as it goes', '/feed', cookie, null))
  runs.push(await load(`kind=loan, ${LOAD.rate} req/s`, '/feed?kind=loan', cookie, LOAD.rate))
  runs.push(
    await load(`search "perceuse", ${LOAD.rate} req/s`, '/feed?q=perceuse', cookie, LOAD.rate)
  )
  clearInterval(sampler)
  const rssMb = Math.round((pid ? (memory(pid)?.rss ?? 0) : 0) / 1024)
  const peakMb = Math.round(peakKb / 1024)

  console.log()
  console.log(
    `Data: ${counts.neighbourhoods} neighbourhoods, ${Number(counts.residents).toLocaleString('en')} residents, ` +
      `${Number(counts.exchanges).toLocaleString('en')} exchanges (${Number(counts.open_exchanges).toLocaleString('en')} open), ` +
      `database ${counts.size}${dataMs === null ? '' : `, built in ${seconds(dataMs)} s`}`
  )
  console.log(
    `Viewer: ${VIEWER.email} (Saint-Georges, Paris 9e); ${LOAD.connections} connections, ${LOAD.durationS} s per run`
  )
  console.log(
    `App: ${fromSource ? 'npm start (from source)' : 'compiled build'}, heap cap ${!fromSource && LOAD.heapMb > 0 ? `${LOAD.heapMb} MB` : 'none'}`
  )
  console.log()
  console.log(
    table([
      ['run', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'items'],
      ...runs.map((r) => [
        r.name,
        r.reqPerS,
        r.p50Ms,
        r.p90Ms,
        r.p99Ms,
        r.maxMs,
        r.non2xx + r.errors,
        r.itemsOnPage,
      ]),
    ])
  )
  console.log()
  console.log(`App RSS: ${rssMb} MB after the runs, ${peakMb} MB peak during them`)
  const fixed = runs[0]
  const pass =
    fixed.p99Ms <= GOALS.p99Ms && peakMb < GOALS.rssMb && runs.every((r) => r.non2xx === 0)
  console.log(
    `Goals: p99 <= ${GOALS.p99Ms} ms at ${LOAD.rate} req/s (${fixed.p99Ms} ms), RSS < ${GOALS.rssMb} MB (${peakMb} MB): ${pass ? 'met' : 'MISSED'}`
  )
  console.log()
  console.log(
    JSON.stringify({
      bench: 'feed',
      node: process.version,
      cpus: cpus().length,
      size: SIZE,
      load: LOAD,
      counts,
      dataS: dataMs === null ? null : seconds(dataMs),
      runs,
      rssMb,
      peakRssMb: peakMb,
      goals: GOALS,
      pass,
    })
  )
  if (strict && !pass) exitCode = 1
} catch (error) {
  console.error(`bench:feed failed: ${(error as Error).message}`)
  exitCode = 1
} finally {
  if (launcher) {
    launcher.kill('SIGTERM')
    await new Promise((done) => launcher!.once('exit', done))
  }
  rmSync(workDir, { recursive: true, force: true })
}
process.exit(exitCode)
