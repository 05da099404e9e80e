/*
| `npm run bench:placement`: how long importing every French commune takes,
| and how fast a point finds its commune (the query behind townAt()), on a
| real PostgreSQL + PostGIS.
|
|   1. wipes BENCH_DATABASE_URL's `public` schema, runs the migrations, then
|      times `node ace geo:import-towns` on all 35,357 communes
|   2. ANALYZE towns, checks that the placement query uses the GIST index,
|      then runs it for N random points (seeded) in metropolitan France's
|      bounding box: sequentially over one connection, then split over 4
|      concurrent connections
|
| Prints a table, then one JSON line. `--check` exits 1 when a goal is missed;
| `--points=N` (default 100000); `--verbose` echoes the ace commands' output
| and the query plans.
| Environment: BENCH_DATABASE_URL (required, its public schema is dropped),
| BENCH_COMMUNES_FILE (default ../shared/data/france-communes.geojson.gz).
|
| Runs on Node's own TypeScript support (no decorators, enums or parameter
| properties here), like bin/start.ts.
*/
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { aceFailure, runAce } from './support/ace.ts'
import { connectPg, resetPublicSchema as resetSchema, withPg, type PgClient } from './support/pg.ts'

const appRoot = fileURLToPath(new URL('../', import.meta.url))
const argv = process.argv.slice(2)
const strict = argv.includes('--check')
const verbose = argv.includes('--verbose')

const GOALS = { importS: 90, sequentialP99Ms: 2 }
const DEFAULT_POINTS = 100_000
const CONCURRENCY = 4
const SEED = 1789
/** Metropolitan France, Corsica included: mostly land, some sea and neighbours. */
const BBOX = { minLon: -5.2, maxLon: 9.6, minLat: 41.3, maxLat: 51.1 }
/** townAt() in modules/neighbourhoods/services/placement.ts, with pg's placeholders. */
const PLACEMENT_SQL =
  'SELECT id FROM towns WHERE ST_Covers(boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY id LIMIT 1'
const STATEMENT_NAME = 'bench_town_at'
/** Probes for the query plan: central Paris (a hit) and the Bay of Biscay (a miss). */
const PROBES = [
  { label: 'Paris', lon: 2.3522, lat: 48.8566 },
  { label: 'Bay of Biscay', lon: -3, lat: 45.5 },
]

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(
    `bench:placement needs Node 24 (got ${process.version}): run it with npm run bench:placement`
  )
  process.exit(1)
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench:placement -- [--points=N] [--check] [--verbose]`)
  process.exit(1)
}

let pointCount = DEFAULT_POINTS
for (const arg of argv) {
  if (arg.startsWith('--points=')) {
    pointCount = Number(arg.slice('--points='.length))
    if (!Number.isSafeInteger(pointCount) || pointCount < CONCURRENCY) {
      usage(`--points must be an integer >= ${CONCURRENCY} (got "${arg}")`)
    }
  } else if (arg !== '--check' && arg !== '--verbose') {
    usage(`unknown argument "${arg}"`)
  }
}

const databaseUrl = process.env.BENCH_DATABASE_URL
if (!databaseUrl) {
  usage(
    'BENCH_DATABASE_URL is required: a PostgreSQL + PostGIS database the bench may wipe\n' +
      '(its public schema is dropped; the name must contain "bench" or "test"), e.g. a\n' +
      'throwaway cluster:\n' +
      '  url=$(.ci/postgres.sh start /tmp/placement-pg 55434)\n' +
      '  BENCH_DATABASE_URL=$url npm run bench:placement\n' +
      '  .ci/postgres.sh stop /tmp/placement-pg'
  )
}
const communesFile = resolve(
  appRoot,
  process.env.BENCH_COMMUNES_FILE ?? '../shared/data/france-communes.geojson.gz'
)

/* ------------------------------------------------------------------ */
/* PostgreSQL client                                                  */
/* ------------------------------------------------------------------ */

const connect = () => connectPg(databaseUrl!)
const withClient = <T>(work: (client: PgClient) => Promise<T>) => withPg(databaseUrl!, work)

/* ------------------------------------------------------------------ */
/* Steps                                                              */
/* ------------------------------------------------------------------ */

const seconds = (ms: number) => Math.round(ms / 100) / 10
let current: ChildProcess | null = null

/** `node ace ...` against BENCH_DATABASE_URL, whatever .env says. */
const ace = (args: string[]) =>
  runAce(args, { databaseUrl: databaseUrl!, verbose, onSpawn: (child) => (current = child) })

type Context = Awaited<ReturnType<typeof resetSchema>>

const resetPublicSchema = () => resetSchema(databaseUrl!)

interface ImportResult {
  migrateS: number
  importS: number
  /** What the importer printed: "N imported, N updated, N skipped, N repaired (X s)". */
  summary: string | null
  importerS: number | null
  imported: number | null
  skipped: number | null
  repaired: number | null
  warnings: number
  towns: number
  metropolitanTowns: number
  analyzeS: number
}

async function importTowns(): Promise<ImportResult> {
  process.stdout.write('  migrations... ')
  const migrate = await ace(['migration:run', '--force'])
  if (migrate.code !== 0) throw aceFailure('node ace migration:run --force', migrate)
  console.log(`${seconds(migrate.ms).toFixed(1)} s`)

  const file = relative(appRoot, communesFile)
  process.stdout.write(`  node ace geo:import-towns ${file}... `)
  const run = await ace(['geo:import-towns', file])
  if (run.code !== 0) throw aceFailure('node ace geo:import-towns', run)
  console.log(`${seconds(run.ms).toFixed(1)} s`)

  const summary = run.lines.find((line) => /\d+ imported, \d+ updated, \d+ skipped/.test(line))
  const numbers = summary
    ? /(\d+) imported, (\d+) updated, (\d+) skipped, (\d+) repaired \(([\d.]+) s\)/.exec(summary)
    : null

  return withClient(async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS towns, count(*) FILTER (WHERE departement NOT LIKE '97%')::int AS metropolitan FROM towns`
    )
    // Autovacuum would analyze the fresh table within a minute or so, maybe in
    // the middle of a pass (and re-plan the prepared statement): do it now.
    const started = performance.now()
    await client.query('ANALYZE towns')
    return {
      migrateS: seconds(migrate.ms),
      importS: seconds(run.ms),
      summary: summary?.trim() ?? null,
      importerS: numbers ? Number(numbers[5]) : null,
      imported: numbers ? Number(numbers[1]) : null,
      skipped: numbers ? Number(numbers[3]) : null,
      repaired: numbers ? Number(numbers[4]) : null,
      warnings: run.lines.filter((line) => /\[ (warn|warning|error) \]/.test(line)).length,
      towns: Number(rows[0].towns),
      metropolitanTowns: Number(rows[0].metropolitan),
      analyzeS: seconds(performance.now() - started),
    }
  })
}

interface PlanCheck {
  /** Every probe's plan scans towns_boundary_gist, as a one-off query / as a generic prepared plan. */
  customUsesGist: boolean
  genericUsesGist: boolean
  /** The scan nodes seen, e.g. "Index Scan using towns_boundary_gist on towns". */
  customScans: string[]
  genericScans: string[]
  plans: string[]
}

async function checkPlans(): Promise<PlanCheck> {
  return withClient(async (client) => {
    const plans: string[] = []
    const custom = new Set<string>()
    const generic = new Set<string>()
    let customUsesGist = true
    let genericUsesGist = true
    const explain = async (sql: string, heading: string, scans: Set<string>) => {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`)
      const plan = rows.map((row) => String(row['QUERY PLAN']))
      plans.push(heading, ...plan.map((line) => `  ${line}`))
      for (const line of plan) {
        const scan = /(?:->\s*)?([A-Za-z ]*Scan\b[^(]*)/.exec(line)?.[1]?.trim()
        if (scan) scans.add(scan)
      }
      return plan.some((line) => /Scan (using|on) towns_boundary_gist\b/.test(line))
    }
    for (const probe of PROBES) {
      const literal = PLACEMENT_SQL.replace('$1', String(probe.lon)).replace(
        '$2',
        String(probe.lat)
      )
      customUsesGist &&= await explain(literal, `${probe.label}, one-off query:`, custom)
    }
    await client.query(`PREPARE bench_probe AS ${PLACEMENT_SQL}`)
    await client.query('SET plan_cache_mode = force_generic_plan')
    for (const probe of PROBES) {
      genericUsesGist &&= await explain(
        `EXECUTE bench_probe(${probe.lon}, ${probe.lat})`,
        `${probe.label}, generic plan of the prepared statement:`,
        generic
      )
    }
    return {
      customUsesGist,
      genericUsesGist,
      customScans: [...custom],
      genericScans: [...generic],
      plans,
    }
  })
}

/** mulberry32: a tiny seeded PRNG, so that every run places the same points. */
function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Points {
  lon: Float64Array
  lat: Float64Array
}

function randomPoints(count: number): Points {
  const random = prng(SEED)
  const lon = new Float64Array(count)
  const lat = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    // Six decimals (~0.1 m), as a geocoder would give.
    lon[i] = Math.round((BBOX.minLon + random() * (BBOX.maxLon - BBOX.minLon)) * 1e6) / 1e6
    lat[i] = Math.round((BBOX.minLat + random() * (BBOX.maxLat - BBOX.minLat)) * 1e6) / 1e6
  }
  return { lon, lat }
}

interface Stats {
  lookups: number
  hits: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
}

interface PassResult {
  name: string
  clients: number
  wallS: number
  lookupsPerS: number
  all: Stats
  hitsOnly: Stats | null
  missesOnly: Stats | null
  /** How the server planned the named statement (pg_prepared_statements). */
  genericPlans: number | null
  customPlans: number | null
}

function stats(times: Float64Array, ids: Int32Array, keep: (id: number) => boolean): Stats | null {
  const picked: number[] = []
  let hits = 0
  let sum = 0
  for (const [i, time] of times.entries()) {
    if (!keep(ids[i])) continue
    picked.push(time)
    sum += time
    if (ids[i] > 0) hits++
  }
  if (picked.length === 0) return null
  const sorted = Float64Array.from(picked).sort()
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
  return {
    lookups: sorted.length,
    hits,
    p50Ms: rank(0.5),
    p90Ms: rank(0.9),
    p99Ms: rank(0.99),
    maxMs: sorted[sorted.length - 1],
    meanMs: sum / sorted.length,
  }
}

/** Looks up points [from, to) one after the other; fills times (ms) and ids (0: no commune). */
async function lookups(
  client: PgClient,
  points: Points,
  from: number,
  to: number,
  times: Float64Array,
  ids: Int32Array
) {
  for (let i = from; i < to; i++) {
    const started = process.hrtime.bigint()
    const { rows } = await client.query({
      name: STATEMENT_NAME,
      text: PLACEMENT_SQL,
      values: [points.lon[i], points.lat[i]],
    })
    times[i] = Number(process.hrtime.bigint() - started) / 1e6
    ids[i] = rows.length > 0 ? Number(rows[0].id) : 0
  }
}

async function placementPass(
  points: Points,
  clientCount: number,
  times: Float64Array,
  ids: Int32Array
): Promise<PassResult> {
  const name = clientCount === 1 ? 'sequential, 1 client' : `concurrent, ${clientCount} clients`
  process.stdout.write(`  ${name}... `)
  const count = points.lon.length
  const clients: PgClient[] = []
  try {
    for (let c = 0; c < clientCount; c++) clients.push(await connect())
    const started = performance.now()
    await Promise.all(
      clients.map((client, c) =>
        lookups(
          client,
          points,
          Math.floor((c * count) / clientCount),
          Math.floor(((c + 1) * count) / clientCount),
          times,
          ids
        )
      )
    )
    const wallMs = performance.now() - started
    const { rows } = await clients[0].query({
      text: 'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
      values: [STATEMENT_NAME],
    })
    console.log(`${(wallMs / 1000).toFixed(1)} s`)
    return {
      name,
      clients: clientCount,
      wallS: Math.round(wallMs) / 1000,
      lookupsPerS: Math.round(count / (wallMs / 1000)),
      all: stats(times, ids, () => true)!,
      hitsOnly: stats(times, ids, (id) => id > 0),
      missesOnly: stats(times, ids, (id) => id === 0),
      genericPlans: rows[0] ? Number(rows[0].generic_plans) : null,
      customPlans: rows[0] ? Number(rows[0].custom_plans) : null,
    }
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})))
  }
}

interface SlowLookup {
  ms: number
  lon: number
  lat: number
  town: string | null
}

/** The slowest lookups of the sequential pass, with the commune found. */
async function slowest(
  points: Points,
  times: Float64Array,
  ids: Int32Array,
  n: number
): Promise<SlowLookup[]> {
  const order = Array.from(times.keys())
    .sort((a, b) => times[b] - times[a])
    .slice(0, n)
  const found = order.map((i) => ids[i]).filter((id) => id > 0)
  const names = new Map<number, string>()
  if (found.length > 0) {
    await withClient(async (client) => {
      const { rows } = await client.query({
        text: `SELECT id, insee_code, name, ST_NPoints(boundary) AS vertices FROM towns WHERE id = ANY($1::bigint[])`,
        values: [found],
      })
      for (const row of rows) {
        names.set(
          Number(row.id),
          `${String(row.insee_code)} ${String(row.name)} (${Number(row.vertices)} vertices)`
        )
      }
    })
  }
  return order.map((i) => ({
    ms: Math.round(times[i] * 1000) / 1000,
    lon: points.lon[i],
    lat: points.lat[i],
    town: ids[i] > 0 ? (names.get(ids[i]) ?? String(ids[i])) : null,
  }))
}

/* ------------------------------------------------------------------ */
/* Report                                                             */
/* ------------------------------------------------------------------ */

interface Check {
  label: string
  value: string
  goal: string
  ok: boolean
}

const ms3 = (value: number) => `${value.toFixed(3)} ms`
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('   ')
    )
    .join('\n')
    .replace(/^/gm, '  ')
}

interface Results {
  context: Context | null
  importRun: ImportResult | null
  plans: PlanCheck | null
  passes: PassResult[]
  mismatches: number | null
  slow: SlowLookup[]
  error: string | null
}

function checks(r: Results): Check[] {
  const list: Check[] = []
  if (r.importRun) {
    list.push({
      label: 'import of all communes',
      value: `${r.importRun.importS.toFixed(1)} s`,
      goal: `< ${GOALS.importS} s`,
      ok: r.importRun.importS < GOALS.importS,
    })
  }
  const sequential = r.passes.find((pass) => pass.clients === 1)
  if (sequential) {
    list.push({
      label: 'sequential lookup p99',
      value: ms3(sequential.all.p99Ms),
      goal: `<= ${GOALS.sequentialP99Ms} ms`,
      ok: sequential.all.p99Ms <= GOALS.sequentialP99Ms,
    })
  }
  if (r.error) list.push({ label: 'bench', value: 'failed', goal: 'runs', ok: false })
  return list
}

function report(r: Results, context: Record<string, unknown>): boolean {
  const imp = r.importRun
  if (imp) {
    console.log('\nImport (wall time of each `node ace` process, app boot included)\n')
    console.log(
      table([
        ['step', 'time'],
        ['migration:run', `${imp.migrateS.toFixed(1)} s`],
        ['geo:import-towns', `${imp.importS.toFixed(1)} s`],
        ['  as the importer counts it', imp.importerS === null ? '-' : `${imp.importerS} s`],
        ['ANALYZE towns (untimed below)', `${imp.analyzeS.toFixed(1)} s`],
      ])
    )
    console.log(`\n  importer: ${imp.summary ?? '(no summary line found in its output)'}`)
    console.log(
      `  towns in the table: ${imp.towns} (${imp.metropolitanTowns} metropolitan, ${imp.towns - imp.metropolitanTowns} overseas)`
    )
  }

  if (r.plans) {
    const describe = (ok: boolean, scans: string[]) =>
      `${scans.join(' + ')}${ok ? '' : '   (towns_boundary_gist NOT USED)'}`
    console.log('\nQuery plan (EXPLAIN ANALYZE on a hit and a miss)\n')
    console.log(
      `  one-off query:            ${describe(r.plans.customUsesGist, r.plans.customScans)}`
    )
    console.log(
      `  prepared, generic plan:   ${describe(r.plans.genericUsesGist, r.plans.genericScans)}`
    )
    if (verbose) for (const line of r.plans.plans) console.log(`    ${line}`)
  }

  if (r.passes.length > 0) {
    const count = r.passes[0].all.lookups
    console.log(
      [
        '',
        `Placement: ${count} random points in lon ${BBOX.minLon}..${BBOX.maxLon}, lat ${BBOX.minLat}..${BBOX.maxLat}`,
        `(seed ${SEED}), one named prepared statement per connection. Per lookup: from the`,
        'query call to its result, round trip included (process.hrtime.bigint).',
        '',
      ].join('\n')
    )
    const rows = [['pass', 'lookups', 'in a commune', 'p50', 'p90', 'p99', 'max', 'lookups/s']]
    for (const pass of r.passes) {
      const line = (label: string, s: Stats | null, rate: string) => {
        if (!s) return
        rows.push([
          label,
          String(s.lookups),
          percent(s.hits, s.lookups),
          ms3(s.p50Ms),
          ms3(s.p90Ms),
          ms3(s.p99Ms),
          ms3(s.maxMs),
          rate,
        ])
      }
      line(pass.name, pass.all, String(pass.lookupsPerS))
      if (pass.clients === 1) {
        line('  points in a commune', pass.hitsOnly, '')
        line('  points outside', pass.missesOnly, '')
      }
    }
    console.log(table(rows))
  }

  const list = checks(r)
  console.log('\nGoals\n')
  console.log(
    table([
      ['measure', 'value', 'goal', ''],
      ...list.map((c) => [c.label, c.value, c.goal, c.ok ? 'ok' : 'MISSED']),
    ])
  )

  const notes: string[] = []
  if (r.error) notes.push(`failed: ${r.error}`)
  if (imp && imp.warnings > 0) notes.push(`the importer printed ${imp.warnings} warning line(s)`)
  if (imp && (imp.skipped ?? 0) > 0) notes.push(`the importer skipped ${imp.skipped} feature(s)`)
  if (r.plans && !(r.plans.customUsesGist && r.plans.genericUsesGist)) {
    notes.push('the placement query does not use towns_boundary_gist: run with --verbose')
  }
  for (const pass of r.passes) {
    if (pass.genericPlans !== null) {
      notes.push(
        `${pass.name}: the server ran the named statement with ${pass.genericPlans} generic and ${pass.customPlans} custom plan(s) (first connection)`
      )
    }
  }
  if (r.mismatches !== null && r.mismatches > 0) {
    notes.push(`${r.mismatches} point(s) found another commune in the concurrent pass`)
  }
  if (r.slow.length > 0) {
    notes.push('slowest sequential lookups:')
    for (const s of r.slow) {
      notes.push(`  ${ms3(s.ms)} at ${s.lon}, ${s.lat}: ${s.town ?? 'no commune'}`)
    }
  }
  if (notes.length > 0) {
    console.log('\nNotes\n')
    for (const note of notes) console.log(`  ${note}`)
  }

  const pass = list.every((c) => c.ok)
  console.log(`\n${pass ? 'All goals met.' : 'Some goals missed or the bench failed.'}\n`)
  const { plans, ...rest } = r
  console.log(
    JSON.stringify({
      bench: 'placement',
      ...context,
      goals: GOALS,
      ...rest,
      plans: plans && {
        customUsesGist: plans.customUsesGist,
        genericUsesGist: plans.genericUsesGist,
        customScans: plans.customScans,
        genericScans: plans.genericScans,
      },
      pass,
    })
  )
  return pass
}

/* ------------------------------------------------------------------ */
/* Main                                                               */
/* ------------------------------------------------------------------ */

process.on('SIGINT', () => {
  current?.kill('SIGTERM')
  process.exit(130)
})

console.log(
  `Quartier placement benchmark: node ${process.version}, ${process.platform} ${process.arch}, ` +
    `${cpus().length} CPU(s), ${pointCount} points\n`
)

const results: Results = {
  context: null,
  importRun: null,
  plans: null,
  passes: [],
  mismatches: null,
  slow: [],
  error: null,
}
try {
  if (!existsSync(communesFile)) {
    throw new Error(`${communesFile} not found: set BENCH_COMMUNES_FILE`)
  }
  results.context = await resetPublicSchema()
  console.log(
    `database ${results.context.database} (${results.context.server}): public schema wiped\n`
  )
  results.importRun = await importTowns()
  results.plans = await checkPlans()

  const points = randomPoints(pointCount)
  const sequentialTimes = new Float64Array(pointCount)
  const sequentialIds = new Int32Array(pointCount)
  results.passes.push(await placementPass(points, 1, sequentialTimes, sequentialIds))
  results.slow = await slowest(points, sequentialTimes, sequentialIds, 5)
  const concurrentIds = new Int32Array(pointCount)
  results.passes.push(
    await placementPass(points, CONCURRENCY, new Float64Array(pointCount), concurrentIds)
  )
  results.mismatches = sequentialIds.reduce(
    (sum, id, i) => (id === concurrentIds[i] ? sum : sum + 1),
    0
  )
  if (results.mismatches > 0) {
    throw new Error(`${results.mismatches} point(s) got another answer in the concurrent pass`)
  }
} catch (error) {
  results.error = (error as Error).message
  console.log(`\n  ${results.error}`)
}

const pass = report(results, {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  points: pointCount,
  seed: SEED,
  bbox: BBOX,
  communesFile: relative(appRoot, communesFile),
})
process.exit(results.error || (strict && !pass) ? 1 : 0)
