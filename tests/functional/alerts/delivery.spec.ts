import { test } from '@japa/runner'
import nock from 'nock'
import db from '@adonisjs/lucid/services/db'
import DeliverAlerts from '#modules/alerts/actions/deliver_alerts'
import ExpandAlert from '#modules/alerts/actions/expand_alert'
import { alertSettings } from '#modules/alerts/services/settings'
import {
  MESSAGES,
  TWILIO,
  deliveries,
  lastAlert,
  pushService,
  quietHoursNow,
  raiseAlert,
  setPreferences,
  smsOptIn,
  stopTheWorker,
  subscribeDevice,
  twilioAccepts,
  type TwilioCall,
  withAlertProviders,
} from '#tests/helpers/alerts'
import { verifiedResident } from '#tests/helpers/community'
import { signedInOperator } from '#tests/helpers/documents'
import { mailbox } from '#tests/helpers/mailbox'

/** Delivery rows of an alert as "user:channel:status[:reason]", sorted. */
async function outcomes(alertId: number, names: Record<number, string>) {
  return (await deliveries(alertId))
    .map(
      (row) =>
        `${names[Number(row.user_id)]}:${row.channel}:${row.status}${row.reason ? `:${row.reason}` : ''}`
    )
    .sort()
}

/** Temporarily changes a setting of config/alerts.ts for one test. */
function setting<T extends object, K extends keyof T>(
  cleanup: (handler: () => void) => void,
  target: T,
  key: K,
  value: T[K]
) {
  const previous = target[key]
  target[key] = value
  cleanup(() => {
    target[key] = previous
  })
}

test.group('Alerts: delivery on every channel', (group) => {
  withAlertProviders(group)
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('every channel delivers: web push, e-mail and SMS', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org', { locale: 'en' })
    const hugo = await verifiedResident('hugo@example.org', { verified: false })
    const device = await subscribeDevice(lea.id, 'lea-phone')
    await smsOptIn(lea.id, '+33612345678')
    await smsOptIn(hugo.id, '+33698765432')
    const seen: Record<string, string>[] = []
    const push = pushService(device.path, [201], seen)
    const calls: TwilioCall[] = []
    const sms = twilioAccepts(calls)

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const alert = await lastAlert()
    assert.isTrue(push.isDone())
    assert.isTrue(sms.isDone())

    /** Web push: VAPID-signed, encrypted, urgent, one topic per alert. */
    assert.lengthOf(seen, 1)
    assert.match(seen[0].authorization, /^vapid t=.+, k=.+/)
    assert.equal(seen[0]['content-encoding'], 'aes128gcm')
    assert.equal(seen[0].urgency, 'high')
    assert.equal(seen[0].topic, `alert-${alert.id}`)
    assert.equal(seen[0].ttl, String(alertSettings.push.ttlSeconds))

    /** SMS: to the verified number, in Léa's language, with a receipt URL. */
    assert.lengthOf(calls, 1)
    assert.equal(calls[0].get('To'), '+33612345678')
    assert.include(calls[0].get('Body')!, 'Urgent alert · Theft or burglary (Saint-Victor)')
    assert.include(calls[0].get('Body')!, `/alerts/${alert.id}`)
    assert.match(calls[0].get('StatusCallback')!, /^http:\/\/.+\/alerts\/receipts\/twilio$/)

    const toLea = await mailbox.waitFor('lea@example.org')
    assert.include(toLea.subject, 'Urgent alert · Theft or burglary · Saint-Victor')
    assert.match(toLea.raw.messageId ?? '', new RegExp(`^<alert-${alert.id}-delivery-\\d+@`))
    await mailbox.waitFor('hugo@example.org')

    const names = { [lea.id]: 'lea', [hugo.id]: 'hugo' }
    assert.deepEqual(await outcomes(alert.id, names), [
      'hugo:email:sent',
      'hugo:sms:skipped:not_verified',
      'lea:email:sent',
      'lea:push:sent',
      'lea:sms:sent',
    ])
    const leaSms = (await deliveries(alert.id)).find(
      (d) => d.channel === 'sms' && d.status === 'sent'
    )
    assert.match(leaSms.provider_message_id, /^SM\d{32}$/)

    /** The author sees the counts per channel, with the reasons; a neighbour does not. */
    const page = await camille.agent.get(`/alerts/${alert.id}`)
    assert.match(page.text, /id="deliveries-push">[\s\S]*?data-count="sent">1</)
    assert.match(page.text, /id="deliveries-email">[\s\S]*?data-count="sent">2</)
    assert.match(
      page.text,
      /id="deliveries-sms">[\s\S]*?data-count="sent">1<[\s\S]*?data-count="skipped">1</
    )
    assert.include(page.text, 'SMS : adresse non vérifiée (1)')
    assert.notInclude((await lea.agent.get(`/alerts/${alert.id}`)).text, 'id="deliveries"')
  })

  test('choices and quiet hours: critical alerts still go by push and e-mail, SMS keeps to them', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const tom = await verifiedResident('tom@example.org')
    const hugo = await verifiedResident('hugo@example.org')
    const leaDevice = await subscribeDevice(lea.id, 'lea-phone')
    await smsOptIn(lea.id, '+33612345678')
    await setPreferences(lea.id, {}, quietHoursNow())
    /** Tom has a verified number but did not choose SMS: he never gets one. */
    await smsOptIn(tom.id, '+33611111111')
    await setPreferences(
      tom.id,
      { sms: { info: false, urgent: false, critical: false } },
      quietHoursNow()
    )
    /** Hugo wants nothing for urgent alerts, e-mail only for critical ones. */
    await setPreferences(hugo.id, {
      push: { urgent: false, critical: false },
      email: { urgent: false, critical: true },
    })
    const names = { [lea.id]: 'lea', [tom.id]: 'tom', [hugo.id]: 'hugo' }

    /** An urgent alert in quiet hours: held back on every channel, with the reason. */
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const urgent = await lastAlert()
    assert.deepEqual(await outcomes(urgent.id, names), [
      'lea:email:skipped:quiet_hours',
      'lea:push:skipped:quiet_hours',
      'lea:sms:skipped:quiet_hours',
      'tom:email:skipped:quiet_hours',
    ])
    assert.lengthOf(mailbox.messages, 0)

    /** A critical alert: push and e-mail go through quiet hours; SMS does not, and is never forced. */
    const push = pushService(leaDevice.path, [201])
    assert.equal(
      (
        await raiseAlert(camille.agent, {
          alert_kind: 'fire_hazard',
          alert_severity: 'critical',
          alert_text: 'Incendie dans la cour du 4 rue Linné, évacuez la cage B.',
        })
      ).status,
      302
    )
    const critical = await lastAlert()
    assert.isTrue(push.isDone())
    assert.deepEqual(await outcomes(critical.id, names), [
      'hugo:email:sent',
      'lea:email:sent',
      'lea:push:sent',
      'lea:sms:skipped:quiet_hours',
      'tom:email:sent',
    ])
    await mailbox.waitFor('tom@example.org', (mail) => mail.subject.includes('Alerte critique'))

    /** Outside quiet hours, an information alert: push (and Léa's SMS), no e-mail by default. */
    const quiet = quietHoursNow()
    const later = { start: (quiet.end + 60) % 1440, end: (quiet.end + 120) % 1440 }
    await setPreferences(lea.id, {}, later)
    await setPreferences(tom.id, {}, later)
    const info = pushService(leaDevice.path, [201])
    const calls: TwilioCall[] = []
    twilioAccepts(calls)
    assert.equal(
      (
        await raiseAlert(camille.agent, {
          alert_kind: 'animal_lost_found',
          alert_severity: 'info',
          alert_text: 'Chat tigré trouvé devant la boulangerie, il attend à la loge.',
        })
      ).status,
      302
    )
    const notice = await lastAlert()
    assert.isTrue(info.isDone())
    assert.deepEqual(await outcomes(notice.id, names), ['lea:push:sent', 'lea:sms:sent'])
    assert.lengthOf(calls, 1)
  })

  test('SMS caps and the daily budget: over a cap, the SMS is skipped with the reason', async ({
    assert,
    cleanup,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const neighbours = []
    for (const name of ['lea', 'tom', 'hugo']) {
      const person = await verifiedResident(`${name}@example.org`)
      await smsOptIn(person.id, `+3361234567${neighbours.length}`)
      await setPreferences(person.id, { email: { urgent: false, critical: false } })
      neighbours.push(person)
    }
    const names = Object.fromEntries(neighbours.map((p, i) => [p.id, ['lea', 'tom', 'hugo'][i]]))
    const calls: TwilioCall[] = []

    /** Per neighbourhood: 2 a day. */
    setting(cleanup, alertSettings.sms, 'neighbourhoodDailyCap', 2)
    twilioAccepts(calls, 2)
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const first = await lastAlert()
    assert.deepEqual(await outcomes(first.id, names), [
      'hugo:sms:skipped:sms_neighbourhood_cap',
      'lea:sms:sent',
      'tom:sms:sent',
    ])
    assert.lengthOf(calls, 2)

    /** Per resident: 1 a day (Léa and Tom had theirs). */
    setting(cleanup, alertSettings.sms, 'neighbourhoodDailyCap', 100)
    setting(cleanup, alertSettings.sms, 'residentDailyCap', 1)
    twilioAccepts(calls, 1)
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const second = await lastAlert()
    assert.deepEqual(await outcomes(second.id, names), [
      'hugo:sms:sent',
      'lea:sms:skipped:sms_resident_cap',
      'tom:sms:skipped:sms_resident_cap',
    ])

    /** The site's budget: 3 today, all spent. */
    setting(cleanup, alertSettings.sms, 'residentDailyCap', 100)
    setting(cleanup, alertSettings.sms, 'dailyBudget', 3)
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const third = await lastAlert()
    assert.deepEqual(await outcomes(third.id, names), [
      'hugo:sms:skipped:sms_budget',
      'lea:sms:skipped:sms_budget',
      'tom:sms:skipped:sms_budget',
    ])
    assert.lengthOf(calls, 3, 'no SMS beyond the caps reached Twilio')

    const page = await camille.agent.get(`/alerts/${third.id}`)
    assert.include(page.text, 'SMS : budget SMS du jour épuisé (3)')
  })

  test('the push service answers 500 twice, then 201: delivered exactly once', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    await setPreferences(lea.id, { email: { urgent: false } })
    const device = await subscribeDevice(lea.id, 'lea-phone')
    const seen: Record<string, string>[] = []
    const push = pushService(device.path, [500, 500, 201], seen)

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    await new ExpandAlert(queue).run(queue.expansions[0])
    const [job] = queue.takeDeliveries()
    const [delivery] = await deliveries()
    assert.deepEqual(job.ids, [Number(delivery.id)])
    const worker = new DeliverAlerts(queue)

    const t0 = new Date()
    assert.equal((await worker.execute(job.ids, { now: t0 })).retrying, 1)
    let row = (await deliveries())[0]
    assert.equal(row.status, 'pending')
    assert.equal(row.attempts, 1)
    assert.include(row.last_error, '500')
    const [retry1] = queue.takeDeliveries()
    assert.deepEqual(retry1.ids, job.ids)
    assert.isAtLeast(retry1.delayMs!, alertSettings.retry.baseDelayMs / 2)
    assert.isAtMost(retry1.delayMs!, alertSettings.retry.baseDelayMs)
    assert.equal(row.next_attempt_at.getTime(), t0.getTime() + retry1.delayMs!)

    /** Before its time, the retry does nothing (a job that came early). */
    assert.equal((await worker.execute(job.ids, { now: t0 })).claimed, 0)
    assert.lengthOf(seen, 1)

    const t1 = row.next_attempt_at
    assert.equal((await worker.execute(job.ids, { now: t1 })).retrying, 1)
    const [retry2] = queue.takeDeliveries()
    assert.isAtLeast(retry2.delayMs!, alertSettings.retry.baseDelayMs)
    assert.isAtMost(retry2.delayMs!, alertSettings.retry.baseDelayMs * 2)
    row = (await deliveries())[0]

    assert.equal((await worker.execute(job.ids, { now: row.next_attempt_at })).sent, 1)
    row = (await deliveries())[0]
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 3)
    assert.isNotNull(row.sent_at)
    assert.isTrue(push.isDone())

    /** The same job again, or a late duplicate: nothing is sent twice. */
    const later = new Date(Date.now() + 3600_000)
    assert.equal((await worker.execute(job.ids, { now: later })).claimed, 0)
    assert.lengthOf(seen, 3)
    assert.lengthOf(queue.deliveries, 0)
  })

  test('429 with Retry-After: the next try waits as long as the provider asked', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    await setPreferences(lea.id, { email: { urgent: false } })
    await smsOptIn(lea.id, '+33612345678')
    const device = await subscribeDevice(lea.id, 'lea-phone')
    pushService(device.path, [429])
    nock(TWILIO)
      .post(MESSAGES)
      .reply(
        429,
        { code: 20429, message: 'Too Many Requests', status: 429 },
        { 'Retry-After': '30' }
      )

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    await new ExpandAlert(queue).run(queue.expansions[0])
    const now = new Date()
    for (const job of queue.takeDeliveries())
      await new DeliverAlerts(queue).execute(job.ids, { now })

    const rows = await deliveries()
    const pushRow = rows.find((row) => row.channel === 'push')
    const smsRow = rows.find((row) => row.channel === 'sms')
    for (const [row, seconds] of [
      [pushRow, 120],
      [smsRow, 30],
    ] as const) {
      assert.equal(row.status, 'pending')
      const wait = row.next_attempt_at.getTime() - now.getTime()
      assert.isAtLeast(wait, seconds * 1000)
      assert.isBelow(wait, seconds * 1000 + 1000)
    }
    const delays = queue.deliveries.map((job) => job.delayMs!).sort((a, b) => a - b)
    assert.isAtLeast(delays[0], 30_000)
    assert.isAtLeast(delays[1], 120_000)
  })

  test('after the last try a delivery is a dead letter; an operator sees it and replays it', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    setting(cleanup, alertSettings.retry, 'maxAttempts', 2)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    await setPreferences(lea.id, { email: { urgent: false } })
    const device = await subscribeDevice(lea.id, 'lea-phone')
    pushService(device.path, [503, 503])

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    await new ExpandAlert(queue).run(queue.expansions[0])
    const worker = new DeliverAlerts(queue)
    const [job] = queue.takeDeliveries()
    await worker.execute(job.ids)
    const [retry] = queue.takeDeliveries()
    const report = await worker.execute(retry.ids, { now: new Date(Date.now() + 3600_000) })
    assert.equal(report.dead, 1)
    let [row] = await deliveries()
    assert.equal(row.status, 'dead')
    assert.equal(row.reason, 'retries_exhausted')
    assert.include(row.last_error, '503')
    assert.lengthOf(queue.deliveries, 0, 'a dead letter is not queued again')

    const author = await camille.agent.get(`/alerts/${row.alert_id}`)
    assert.match(author.text, /id="deliveries-push">[\s\S]*?data-count="failed">1</)

    assert.equal((await lea.agent.get('/operators/alerts/dead-letters')).status, 403)
    const operator = await signedInOperator()
    const page = await operator.agent.get('/operators/alerts/dead-letters')
    assert.equal(page.status, 200)
    assert.include(page.text, `id="dead-letter-${row.id}"`)
    assert.include(page.text, 'Léa Dubois')
    assert.include(page.text, 'échec après le dernier essai')
    assert.include(page.text, 'the push service answered 503')
    assert.include(page.text, 'aria-current="page"')
    assert.include(
      (await operator.agent.get('/operators/alerts/dead-letters?channel=sms')).text,
      'Aucun envoi en échec.'
    )

    const malformed = await operator.agent.submit(
      '/operators/alerts/dead-letters/replay',
      { delivery_id: 'la-première' },
      { from: '/operators/alerts/dead-letters' }
    )
    assert.equal(malformed.status, 422)
    assert.include(malformed.text, 'Le champ envoi doit être un nombre.')
    assert.equal((await deliveries())[0].status, 'dead')

    const push = pushService(device.path, [201])
    const replayed = await operator.agent.submit(
      '/operators/alerts/dead-letters/replay',
      { delivery_id: String(row.id) },
      { from: '/operators/alerts/dead-letters' }
    )
    assert.equal(replayed.status, 302)
    ;[row] = await deliveries()
    assert.equal(row.status, 'pending')
    assert.equal(row.attempts, 0)
    const [replay] = queue.takeDeliveries()
    assert.deepEqual(replay.ids, [Number(row.id)])
    assert.equal((await worker.execute(replay.ids)).sent, 1)
    assert.isTrue(push.isDone())
    assert.include(
      (await operator.agent.get('/operators/alerts/dead-letters')).text,
      '1 envoi relancé.'
    )

    const nothing = await operator.agent.submit(
      '/operators/alerts/dead-letters/replay',
      { all: '1' },
      { from: '/operators/alerts/dead-letters' }
    )
    assert.equal(nothing.status, 302)
    assert.include(
      (await operator.agent.get('/operators/alerts/dead-letters')).text,
      'Rien à relancer.'
    )
    assert.equal((await deliveries())[0].status, 'sent')
  })

  test('410 from the push service: the subscription is deleted, the next alert skips it', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const gone = await subscribeDevice(lea.id, 'old-laptop')
    const kept = await subscribeDevice(lea.id, 'new-phone')
    pushService(gone.path, [410])
    pushService(kept.path, [201, 201])

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const first = await lastAlert()
    const rows = await deliveries(first.id)
    const byTarget = (id: number) => rows.find((row) => Number(row.target) === id)
    assert.equal(byTarget(gone.id).status, 'failed')
    assert.equal(byTarget(gone.id).reason, 'subscription_gone')
    assert.equal(byTarget(kept.id).status, 'sent')
    const devices = await db.from('alert_push_subscriptions').where('user_id', lea.id)
    assert.deepEqual(
      devices.map((device) => Number(device.id)),
      [kept.id]
    )

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const second = await lastAlert()
    const pushes = (await deliveries(second.id)).filter((row) => row.channel === 'push')
    assert.deepEqual(
      pushes.map((row) => [Number(row.target), row.status]),
      [[kept.id, 'sent']]
    )
    assert.lengthOf(nock.pendingMocks(), 0)
  })
})
