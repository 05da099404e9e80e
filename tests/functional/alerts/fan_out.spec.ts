import { test } from '@japa/runner'
import nock from 'nock'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import { createWorker, resolvedQueueConfig } from '#app/queue/in_process_worker'
import ExpandAlertJob from '#modules/alerts/jobs/expand_alert_job'
import DeliverAlerts from '#modules/alerts/actions/deliver_alerts'
import ExpandAlert from '#modules/alerts/actions/expand_alert'
import RaiseAlert from '#modules/alerts/actions/raise_alert'
import SweepAlerts from '#modules/alerts/actions/sweep_alerts'
import {
  deliveries,
  lastAlert,
  pushService,
  raiseAlert,
  stopTheWorker,
  subscribeDevice,
  withAlertProviders,
} from '#tests/helpers/alerts'
import { verifiedResident, type CommunityResident } from '#tests/helpers/community'
import { mailbox } from '#tests/helpers/mailbox'

test.group('Alerts: a fan-out that survives its worker', (group) => {
  withAlertProviders(group)
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('a worker stopped in the middle of a fan-out and started again: every delivery once, none twice', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const neighbours: CommunityResident[] = []
    const pushes: Record<string, string>[] = []
    for (let index = 0; index < 5; index++) {
      const person = await verifiedResident(`voisin${index}@example.org`)
      const device = await subscribeDevice(person.id, `device-${index}`)
      /** Each device accepts exactly one message: a second would find no interceptor. */
      pushService(device.path, [201], pushes)
      neighbours.push(person)
    }

    /** The request commits the alert and its outbox row; the worker is stopped. */
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const alert = await lastAlert()
    assert.lengthOf(queue.expansions, 1)
    const outboxId = queue.expansions[0]
    assert.lengthOf(await deliveries(), 0)

    /** The worker expands one batch (2 residents), queues it, sends its pushes, and dies. */
    const expand = new ExpandAlert(queue)
    const step = await expand.step(outboxId, { batchSize: 2 })
    assert.deepEqual(step, { done: false, created: 4 })
    const firstBatch = queue.takeDeliveries()
    const worker = new DeliverAlerts(queue)
    await worker.execute(firstBatch[0].ids)
    assert.lengthOf(pushes, 2)
    const outbox = await db.from('alert_outbox').where('id', outboxId).firstOrFail()
    assert.equal(Number(outbox.cursor_user_id), neighbours[1].id)
    assert.isNull(outbox.expanded_at)

    /** Started again: the queue hands the expansion job out again (twice, even). */
    assert.equal(await expand.run(outboxId, { batchSize: 2 }), 6)
    assert.equal(await expand.run(outboxId, { batchSize: 2 }), 0)
    const expanded = await db.from('alert_outbox').where('id', outboxId).firstOrFail()
    assert.isNotNull(expanded.expanded_at)
    assert.equal(expanded.runs, 2)

    /** Every queued job runs, some of them twice (a job redelivered after the crash). */
    const jobs = [...firstBatch, ...queue.takeDeliveries()]
    for (const job of [...jobs, ...jobs]) await worker.execute(job.ids)

    const rows = await deliveries(alert.id)
    assert.lengthOf(rows, 10, 'one push and one e-mail per neighbour')
    assert.deepEqual([...new Set(rows.map((row) => row.status))], ['sent'])
    assert.deepEqual(
      rows.map((row) => row.attempts),
      Array(10).fill(1)
    )
    assert.lengthOf(pushes, 5)
    assert.lengthOf(nock.pendingMocks(), 0)
    for (const person of neighbours) {
      await mailbox.waitFor(person.email)
      assert.lengthOf(mailbox.to(person.email), 1, `${person.email} got one mail`)
    }
    assert.lengthOf(queue.deliveries, 0)
  })

  test('a job of more sends than one write-back holds: each accepted mail recorded once', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    /** 30 neighbours next door to Camille, written straight (no sign-in needed). */
    const { rows: users } = await db.rawQuery(
      `INSERT INTO users (display_name, email, password, home_address, locale, role,
                          email_verified_at, session_epoch, created_at, updated_at)
       SELECT 'Voisin ' || g, 'voisin' || g || '@example.org', 'unused', 'adresse', 'fr',
              'resident', now(), 0, now(), now()
         FROM generate_series(1, 30) g
       RETURNING id, email`
    )
    await db.rawQuery(
      `INSERT INTO residents (user_id, town_id, neighbourhood_id, address_label, street_name,
                              home_point, display_point, placement, verified_at, placed_at,
                              created_at, updated_at)
       SELECT u.id, r.town_id, r.neighbourhood_id, r.address_label, r.street_name, r.home_point,
              r.display_point, r.placement, r.verified_at, now(), now(), now()
         FROM residents r, unnest(?::bigint[]) AS u(id)
        WHERE r.user_id = ?`,
      [`{${users.map((user: { id: number }) => Number(user.id)).join(',')}}`, camille.id]
    )

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const alert = await lastAlert()
    await new ExpandAlert(queue).run(queue.expansions[0])
    const jobs = queue.takeDeliveries()
    assert.lengthOf(jobs, 1)
    assert.lengthOf(jobs[0].ids, 30)

    const worker = new DeliverAlerts(queue)
    const report = await worker.execute(jobs[0].ids)
    assert.equal(report.claimed, 30)
    assert.equal(report.sent, 30)
    const rows = await deliveries(alert.id)
    assert.deepEqual(
      [...new Set(rows.map((row) => `${row.channel}:${row.status}`))],
      ['email:sent']
    )
    assert.isTrue(rows.every((row) => row.attempts === 1 && row.sent_at !== null))
    for (const user of users) {
      await mailbox.waitFor(user.email)
      assert.lengthOf(mailbox.to(user.email), 1, `${user.email} got one mail`)
    }

    /** The same job again: nothing claimed, nothing sent. */
    assert.equal((await worker.execute(jobs[0].ids)).claimed, 0)
    assert.lengthOf(mailbox.messages, 30)
  })

  test('the sweep queues again what lost its job and dead-letters a send cut short', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const tom = await verifiedResident('tom@example.org')
    await subscribeDevice(lea.id, 'lea-phone')
    const sweep = new SweepAlerts(queue)

    /** The process stopped right after the commit: nothing was queued. */
    const { outboxId, alert } = await new RaiseAlert().execute(camille.id, {
      kind: 'accident',
      severity: 'urgent',
      text: 'Accident au carrefour Linné-Cuvier, un cycliste au sol.',
    })
    assert.deepEqual(await sweep.execute(), { outbox: 0, requeued: 0, interrupted: 0 })
    const soon = new Date(Date.now() + 60_000)
    assert.equal((await sweep.execute({ now: soon })).outbox, 1)
    assert.deepEqual(queue.expansions, [outboxId])

    /** Expanded, but its delivery jobs were lost. */
    await new ExpandAlert(queue).run(outboxId)
    queue.takeDeliveries()
    const later = new Date(Date.now() + 3 * 60_000)
    const report = await sweep.execute({ now: later })
    assert.equal(report.requeued, 3)
    const requeued = queue
      .takeDeliveries()
      .flatMap((job) => job.ids)
      .sort()
    assert.deepEqual(requeued, (await deliveries(alert.id)).map((row) => Number(row.id)).sort())

    /** A worker claimed Tom's e-mail and died while sending it: it may have left. */
    const tomMail = (await deliveries(alert.id)).find(
      (row) => Number(row.user_id) === tom.id && row.channel === 'email'
    )
    await db
      .from('alert_deliveries')
      .where('id', tomMail.id)
      .update({ status: 'sending', attempts: 1, claimed_at: new Date(Date.now() - 10 * 60_000) })
    assert.equal((await sweep.execute()).interrupted, 1)
    const dead = await db.from('alert_deliveries').where('id', tomMail.id).firstOrFail()
    assert.equal(dead.status, 'dead')
    assert.equal(dead.reason, 'interrupted')
    /** Never sent again on its own: only an operator's replay does that. */
    await new DeliverAlerts(queue).execute([Number(tomMail.id)])
    assert.lengthOf(mailbox.to('tom@example.org'), 0)
  })

  test('with the jobs stored in PostgreSQL, a worker on the alerts queue does the whole fan-out', async ({
    assert,
    cleanup,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const device = await subscribeDevice(lea.id, 'lea-phone')
    const push = pushService(device.path, [201])
    const { outboxId, alert } = await new RaiseAlert().execute(camille.id, {
      kind: 'missing_person',
      severity: 'critical',
      text: 'Jules, 8 ans, pas rentré de l’école Saint-Victor, blouson rouge.',
    })
    /** The suite runs jobs inline; this test stores them in PostgreSQL like production. */
    await ExpandAlertJob.dispatch({ outboxId }).with('database').run()
    const stored = await db.from('queue_jobs').where('queue', 'alerts')
    assert.lengthOf(stored, 1)

    const worker = await createWorker(app, { adapter: 'database' })
    const running = worker.start(['alerts'])
    cleanup(async () => {
      await worker.stop()
      await running
      /** The worker made 'database' the default adapter: back to the suite's. */
      await QueueManager.init(await resolvedQueueConfig(app))
    })

    const mail = await mailbox.waitFor('lea@example.org', undefined, 15_000)
    assert.include(mail.subject, 'Alerte critique · Personne disparue')
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && !push.isDone()) await new Promise((r) => setTimeout(r, 100))
    assert.isTrue(push.isDone())
    while (Date.now() < deadline) {
      const rows = await deliveries(alert.id)
      if (rows.length === 2 && rows.every((row) => row.status === 'sent')) break
      await new Promise((r) => setTimeout(r, 100))
    }
    assert.deepEqual(
      (await deliveries(alert.id)).map((row) => `${row.channel}:${row.status}`).sort(),
      ['email:sent', 'push:sent']
    )
  })
})
