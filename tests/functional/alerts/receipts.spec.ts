import { test } from '@japa/runner'
import nock from 'nock'
import db from '@adonisjs/lucid/services/db'
import DeliverAlerts from '#modules/alerts/actions/deliver_alerts'
import ExpandAlert from '#modules/alerts/actions/expand_alert'
import {
  ACCOUNT_SID,
  MESSAGES,
  TWILIO,
  deliveries,
  postTwilioReceipt,
  raiseAlert,
  setPreferences,
  smsOptIn,
  stopTheWorker,
  twilioAccepts,
  twilioSignature,
  type TwilioCall,
  withAlertProviders,
} from '#tests/helpers/alerts'
import { Agent } from '#tests/helpers/agent'
import { verifiedResident } from '#tests/helpers/community'

const BASE_URL = () => new Agent().baseUrl

/** Twilio's status callback parameters for a message. */
function callback(messageSid: string, status: string, extra: Record<string, string> = {}) {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    From: '+33757000000',
    MessageSid: messageSid,
    MessageStatus: status,
    SmsSid: messageSid,
    SmsStatus: status,
    To: '+33612345678',
    ...extra,
  }
}

/** An alert whose SMS to Léa was accepted by Twilio; returns that delivery. */
async function sentSms() {
  const camille = await verifiedResident('camille@example.org')
  const lea = await verifiedResident('lea@example.org')
  await smsOptIn(lea.id, '+33612345678')
  await setPreferences(lea.id, { email: { urgent: false } })
  const calls: TwilioCall[] = []
  twilioAccepts(calls)
  await raiseAlert(camille.agent)
  const [delivery] = await deliveries()
  return delivery
}

async function receipts() {
  return db.from('alert_receipts').orderBy('id')
}

test.group('Alerts: Twilio delivery receipts', (group) => {
  withAlertProviders(group)
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('a forged, missing or tampered signature answers 403 and changes nothing', async ({
    assert,
  }) => {
    const delivery = await sentSms()
    assert.equal(delivery.status, 'sent')
    const params = callback(delivery.provider_message_id, 'delivered')

    const forged = await postTwilioReceipt(BASE_URL(), params, 'bm90IGEgc2lnbmF0dXJl')
    assert.equal(forged.status, 403)
    const missing = await postTwilioReceipt(BASE_URL(), params, '')
    assert.equal(missing.status, 403)
    /** Signed for "undelivered", posted as "delivered". */
    const tampered = await postTwilioReceipt(
      BASE_URL(),
      params,
      twilioSignature(callback(delivery.provider_message_id, 'undelivered'))
    )
    assert.equal(tampered.status, 403)
    /** Signed for another URL than this site's public one (APP_URL). */
    const elsewhere = await postTwilioReceipt(
      BASE_URL(),
      params,
      twilioSignature(params, 'https://attacker.example/alerts/receipts/twilio')
    )
    assert.equal(elsewhere.status, 403)

    const [row] = await deliveries()
    assert.equal(row.status, 'sent')
    assert.isNull(row.delivered_at)
    assert.lengthOf(await receipts(), 0)
  })

  test('a valid receipt moves the delivery once; the same callback again changes nothing', async ({
    assert,
  }) => {
    const delivery = await sentSms()
    const sid = delivery.provider_message_id

    /** Intermediate statuses are kept but change nothing. */
    const first = await postTwilioReceipt(BASE_URL(), callback(sid, 'sent'))
    assert.equal(first.status, 204)
    assert.equal((await deliveries())[0].status, 'sent')

    const delivered = await postTwilioReceipt(BASE_URL(), callback(sid, 'delivered'))
    assert.equal(delivered.status, 204, 'no CSRF token, no session: the signature is enough')
    const [row] = await deliveries()
    assert.equal(row.status, 'delivered')
    assert.isNotNull(row.delivered_at)

    const replay = await postTwilioReceipt(BASE_URL(), callback(sid, 'delivered'))
    assert.equal(replay.status, 204)
    const [again] = await deliveries()
    assert.equal(again.delivered_at.getTime(), row.delivered_at.getTime())
    assert.equal(again.updated_at.getTime(), row.updated_at.getTime())
    const kept = await receipts()
    assert.deepEqual(
      kept.map((receipt) => [receipt.status, Number(receipt.delivery_id)]),
      [
        ['sent', Number(row.id)],
        ['delivered', Number(row.id)],
      ]
    )

    /** A late "undelivered" for a delivered SMS does not move it back. */
    await postTwilioReceipt(BASE_URL(), callback(sid, 'undelivered', { ErrorCode: '30003' }))
    assert.equal((await deliveries())[0].status, 'delivered')
  })

  test('an undelivered SMS counts as failed, with the carrier’s error', async ({ assert }) => {
    const delivery = await sentSms()
    const response = await postTwilioReceipt(
      BASE_URL(),
      callback(delivery.provider_message_id, 'undelivered', { ErrorCode: '30003' })
    )
    assert.equal(response.status, 204)
    const [row] = await deliveries()
    assert.equal(row.status, 'failed')
    assert.equal(row.reason, 'undelivered')
    assert.include(row.last_error, '30003')
  })

  test('a receipt that arrives before the send is recorded is applied once it is', async ({
    assert,
    cleanup,
  }) => {
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    await smsOptIn(lea.id, '+33612345678')
    await setPreferences(lea.id, { email: { urgent: false } })
    await raiseAlert(camille.agent)
    await new ExpandAlert(queue).run(queue.expansions[0])

    const sid = `SM${'f'.repeat(32)}`
    assert.equal((await postTwilioReceipt(BASE_URL(), callback(sid, 'delivered'))).status, 204)
    nock(TWILIO).post(MESSAGES).reply(201, { sid, status: 'queued' })
    for (const job of queue.takeDeliveries()) await new DeliverAlerts(queue).execute(job.ids)

    const [row] = await deliveries()
    assert.equal(row.provider_message_id, sid)
    assert.equal(row.status, 'delivered')
    assert.equal(Number((await receipts())[0].delivery_id), Number(row.id))
  })

  test('a malformed receipt with a valid signature is refused', async ({ assert }) => {
    await sentSms()
    const params = callback('not-a-sid', 'delivered')
    assert.equal((await postTwilioReceipt(BASE_URL(), params)).status, 422)
    assert.lengthOf(await receipts(), 0)
  })
})
