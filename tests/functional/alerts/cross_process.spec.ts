import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import db from '@adonisjs/lucid/services/db'
import { databaseDriver } from '#config/database'
import { redisOptionsFromUrl } from '#config/redis'
import { lastAlert, openStream, subscribe } from '#tests/helpers/alerts'
import { sameBrowserOn, startAppProcess, type AppProcess } from '#tests/helpers/app_process'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { REDIS_HINT, redisAvailable, startTestRedis, type TestRedis } from '#tests/helpers/redis'
import { freshStateForEachTest } from '#tests/helpers/state'

/**
 * Several app processes (DESIGN.md section 7): two real `bin/server.ts`
 * processes, A and B, share the test database and a Redis. They need a
 * real PostgreSQL: the embedded database is one PGlite session, in which
 * the queries of several processes would interleave.
 */
const missing = [
  databaseDriver === 'embedded' &&
    'A real PostgreSQL is needed: run with DATABASE_URL=postgres://user@host/quartier_test (the embedded database cannot serve several app processes)',
  !redisAvailable() && REDIS_HINT,
].filter((reason): reason is string => !!reason)
const requirement = missing.join('. ')
const inCI = process.env.CI === 'true'
if (missing.length > 0 && !inCI) {
  console.warn(`\n  SKIPPED: the cross-process alerts test. ${requirement}.\n`)
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = await probe()
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

test.group('Alerts: several app processes with Redis', (group) => {
  let redis: TestRedis | null = null
  let appA: AppProcess
  let appB: AppProcess

  group.setup(async () => {
    if (missing.length > 0) return async () => {}
    await loadParis()
    redis = await startTestRedis()
    /**
     * Both take the queue's default from REDIS_URL (no QUEUE_DRIVER, the
     * test run's `sync` removed). Only B runs a job worker, so whatever A
     * queues can only be done by B, through Redis.
     */
    const shared = { REDIS_URL: redis.url, QUEUE_DRIVER: undefined, NODE_ENV: 'test' }
    const started = await Promise.allSettled([
      startAppProcess('A', { ...shared, QUEUE_WORKER_IN_PROCESS: 'false' }),
      startAppProcess('B', { ...shared, QUEUE_WORKER_IN_PROCESS: 'true' }),
    ])
    const stopAll = async () => {
      for (const result of started) if (result.status === 'fulfilled') await result.value.stop()
      await redis?.stop()
    }
    const failed = started.find((result) => result.status === 'rejected')
    if (failed) {
      await stopAll()
      throw failed.reason
    }
    ;[appA, appB] = started.map((result) => (result as PromiseFulfilledResult<AppProcess>).value)
    return stopAll
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an alert raised through process A reaches an open page of process B; B fans it out')
    .skip(missing.length > 0 && !inCI, requirement)
    .run(async ({ assert, cleanup }) => {
      if (missing.length > 0) assert.fail(`${requirement} (required in CI).`)

      const camille = await verifiedResident('camille@example.org')
      const lea = await verifiedResident('lea@example.org')
      const channel = `neighbourhoods/${camille.neighbourhoodId}/alerts`

      /**
       * A and B run no Vite dev server and a fresh checkout has no built
       * assets: pages come from the test server. Sessions are signed
       * cookies (one APP_KEY), so the same browser is signed in on A and B
       * and the pages' CSRF tokens hold there too.
       */
      await lea.agent.get('/alerts')
      const leaOnB = sameBrowserOn(lea.agent, appB)
      const uid = randomUUID()
      const stream = await openStream(leaOnB, uid)
      cleanup(() => stream.close())
      assert.equal(stream.status, 200)
      assert.equal((await subscribe(leaOnB, uid, channel)).status, 204)

      /** Every command Redis receives from now on, with the client that sent it. */
      const commands: { args: string; source: string }[] = []
      /** monitor() opens its own connection: the client itself never connects. */
      const client = new Redis({ ...redisOptionsFromUrl(redis!.url), lazyConnect: true })
      const monitor = await client.monitor()
      cleanup(() => {
        monitor.disconnect()
        client.disconnect()
      })
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== 'lua') commands.push({ args: args.join(' '), source })
      })

      await camille.agent.get('/alerts/new?kind=theft_burglary')
      const camilleOnA = sameBrowserOn(camille.agent, appA)
      const raised = await camilleOnA.submit('/alerts', {
        alert_kind: 'theft_burglary',
        alert_severity: 'urgent',
        alert_text: 'Cambriolage en cours au 12 rue Linné, deux personnes forcent une porte.',
      })
      assert.equal(raised.status, 302, raised.text)
      const alert = await lastAlert()
      assert.equal(raised.location, `/alerts/${alert.id}`)

      /** A told the open pages in the request (nobody else can have: at most once). */
      const outbox = await db.from('alert_outbox').where('alert_id', alert.id).firstOrFail()
      assert.isNotNull(outbox.announced_at)

      const event = await stream.nextData(1000)
      assert.equal(event.channel, channel)
      assert.equal(event.payload.kind, 'alert.raised')
      assert.equal(event.payload.id, Number(alert.id))
      assert.include(event.payload.text, 'Cambriolage en cours')

      /**
       * The expansion A queued went into Redis and B's worker (A runs
       * none) took it from there; then B's delivery jobs mailed Léa, once.
       */
      await waitUntil('the alert expanded by B', async () =>
        db.from('alert_outbox').where('id', outbox.id).whereNotNull('expanded_at').first()
      )
      const queued = commands.find(
        (command) =>
          command.args.includes('jobs::alerts::') && command.args.includes('AlertsExpand')
      )
      assert.exists(queued, 'the expansion job was pushed into Redis')
      assert.isTrue(
        commands.some(
          (command) => command.source !== queued!.source && command.args.includes('jobs::alerts::')
        ),
        'another Redis client (B) took jobs from the alerts queue'
      )
      const mail = await mailbox.waitFor('lea@example.org', () => true, 15_000)
      assert.include(mail.text, 'Cambriolage en cours')
      assert.lengthOf(mailbox.to('camille@example.org'), 0)

      /** B's worker did not announce it again. */
      await assert.rejects(() => stream.nextData(500), /no event within/)
      assert.lengthOf(mailbox.to('lea@example.org'), 1)
    })
})
