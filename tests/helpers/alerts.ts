/*
| Shared pieces of the alerts tests: the providers the fan-out talks to
| (Twilio and a browser push service, faked at the HTTP boundary with nock
| and reached through the real Twilio client and web-push library), a
| browser's push subscription with real keys, a queue that records work
| instead of running it (a worker that is stopped), and form shortcuts.
*/
import { createECDH, randomBytes } from 'node:crypto'
import nock from 'nock'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import twilio from 'twilio'
import webpush from 'web-push'
import { SmsSender } from '#app/sms/index'
import { TwilioSmsSender } from '#app/sms/twilio_sms_sender'
import { PushSender } from '#modules/alerts/services/push/push_sender'
import { WebPushSender } from '#modules/alerts/services/push/web_push_sender'
import { AlertQueue } from '#modules/alerts/services/queue'
import { smsReceiptsUrl } from '#modules/alerts/services/channels/sms_channel'
import type { Group } from '@japa/runner/core'
import type { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'

export const TWILIO = 'https://api.twilio.com'
export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`
export const AUTH_TOKEN = 'test-alerts-auth-token'
export const FROM = '+33757000000'
export const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`

/** A browser push service the allowlist accepts (config/alerts.ts). */
export const PUSH_SERVICE = 'https://fcm.googleapis.com'

const vapid = webpush.generateVAPIDKeys()
export const VAPID_PUBLIC_KEY = vapid.publicKey

/**
 * The real senders, pointed at the faked providers with test
 * credentials, for the duration of a group. Returns the teardown.
 */
/**
 * A group whose tests raise alerts: the Paris boundaries, the faked
 * providers and nock for the whole group, fresh rows for each test.
 */
export function withAlertProviders(group: Group) {
  group.setup(async () => {
    await loadParis()
    const restoreProviders = useFakeProviders()
    const restoreNock = useNock()
    return () => {
      restoreProviders()
      restoreNock()
    }
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })
}

export function useFakeProviders() {
  const sms = new TwilioSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM })
  const push = new WebPushSender({
    publicKey: vapid.publicKey,
    privateKey: vapid.privateKey,
    subject: 'mailto:alertes@quartier.test',
    timeoutMs: 2000,
  })
  app.container.swap(SmsSender, () => sms)
  app.container.swap(PushSender, () => push)
  return () => {
    app.container.restore(SmsSender)
    app.container.restore(PushSender)
  }
}

/** nock on for one group (off again afterwards), the test server still reachable. */
export function useNock() {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
  nock.enableNetConnect('127.0.0.1')
  return () => {
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
  }
}

/** The form fields the faked Twilio API received, one per message. */
export type TwilioCall = URLSearchParams

let sid = 0
export function nextSid(): string {
  sid += 1
  return `SM${String(sid).padStart(32, '0')}`
}

const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`

/** Twilio accepting `times` messages (201 and a message resource). */
export function twilioAccepts(calls: TwilioCall[], times = 1) {
  return nock(TWILIO)
    .matchHeader('authorization', BASIC_AUTH)
    .post(MESSAGES)
    .times(times)
    .reply(async (request: Request) => {
      const form = new URLSearchParams(await request.text())
      calls.push(form)
      return [201, { sid: nextSid(), to: form.get('To'), body: form.get('Body'), status: 'queued' }]
    })
}

/** A browser's push subscription with real keys, at a push service URL. */
export function browserSubscription(name: string) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  return {
    endpoint: `${PUSH_SERVICE}/fcm/send/${name}`,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  }
}

/** Registers a device for a resident, as the preferences page's script would have. */
export async function subscribeDevice(userId: number, name: string) {
  const subscription = browserSubscription(name)
  const [row] = await db
    .table('alert_push_subscriptions')
    .insert({
      user_id: userId,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  return { ...subscription, id: Number(row.id ?? row), path: `/fcm/send/${name}` }
}

/** A push service answering `status` for one device, recording the requests' headers. */
export function pushService(path: string, statuses: number[], seen: Record<string, string>[] = []) {
  const scope = nock(PUSH_SERVICE)
  for (const status of statuses) {
    /** nock 15 hands the reply function the request as a Fetch Request. */
    scope.post(path).reply((request: Request) => {
      seen.push(Object.fromEntries(request.headers))
      return status === 429 ? [429, '', { 'Retry-After': '120' }] : [status, '']
    })
  }
  return scope
}

/** A verified mobile number for SMS alerts, and SMS chosen for every severity. */
export async function smsOptIn(userId: number, phone: string) {
  await db.table('alert_phones').insert({
    user_id: userId,
    phone,
    verified_at: new Date(),
    code_attempts: 0,
    created_at: new Date(),
    updated_at: new Date(),
  })
  await setPreferences(userId, { sms: { info: true, urgent: true, critical: true } })
}

type Choices = Partial<Record<'push' | 'email' | 'sms', Partial<Record<string, boolean>>>>

/** Writes a resident's choices straight (defaults for what is not given). */
export async function setPreferences(
  userId: number,
  choices: Choices,
  quiet: { start: number; end: number } | null = null
) {
  const defaults = {
    push: { info: true, urgent: true, critical: true },
    email: { info: false, urgent: true, critical: true },
    sms: { info: false, urgent: false, critical: false },
  }
  const existing = await db.from('alert_preferences').where('user_id', userId).first()
  const row: Record<string, unknown> = { user_id: userId, updated_at: new Date() }
  for (const channel of ['push', 'email', 'sms'] as const) {
    for (const severity of ['info', 'urgent', 'critical']) {
      const current = existing ? existing[`${channel}_${severity}`] : undefined
      row[`${channel}_${severity}`] =
        choices[channel]?.[severity] ??
        current ??
        defaults[channel][severity as 'info' | 'urgent' | 'critical']
    }
  }
  row.quiet_start = quiet ? quiet.start : (existing?.quiet_start ?? null)
  row.quiet_end = quiet ? quiet.end : (existing?.quiet_end ?? null)
  await db.knexQuery().table('alert_preferences').insert(row).onConflict('user_id').merge()
}

/** Quiet hours around the current Paris time (one hour either side). */
export function quietHoursNow() {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date())
  const minute =
    Number(parts.find((p) => p.type === 'hour')!.value) * 60 +
    Number(parts.find((p) => p.type === 'minute')!.value)
  return { start: (minute + 1380) % 1440, end: (minute + 60) % 1440 }
}

/** Raises an alert through the form, as a resident would. */
export function raiseAlert(
  agent: Agent,
  fields: Record<string, string | undefined> = {},
  kind = fields.alert_kind ?? 'theft_burglary'
) {
  return agent.submit(
    '/alerts',
    {
      alert_kind: kind,
      alert_severity: 'urgent',
      alert_text: 'Cambriolage en cours au 12 rue Linné, deux personnes forcent une porte.',
      ...fields,
    },
    {
      from:
        kind === 'suspicious_behaviour'
          ? '/alerts/new?kind=suspicious_behaviour&guard=read'
          : `/alerts/new?kind=${kind}`,
    }
  )
}

/** Signs a Twilio status callback as Twilio would (the account's auth token). */
export function twilioSignature(params: Record<string, string>, url = smsReceiptsUrl()) {
  return twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params)
}

/** Posts a status callback as Twilio does: a form, no cookie, no CSRF token. */
export function postTwilioReceipt(
  baseUrl: string,
  params: Record<string, string>,
  signature = twilioSignature(params)
) {
  return fetch(new URL('/alerts/receipts/twilio', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    body: new URLSearchParams(params).toString(),
  })
}

/**
 * A job queue whose worker is stopped: it records what would run, and
 * the test runs it (again, partly, twice...) when it chooses.
 */
export class StoppedQueue extends AlertQueue {
  expansions: number[] = []
  deliveries: { ids: number[]; delayMs?: number }[] = []

  async expand(outboxId: number) {
    this.expansions.push(outboxId)
  }

  async deliver(ids: number[], options: { delayMs?: number } = {}) {
    this.deliveries.push({ ids, delayMs: options.delayMs })
  }

  takeDeliveries() {
    return this.deliveries.splice(0)
  }
}

/** Swaps the fan-out's queue for a stopped one until the test ends. */
export function stopTheWorker(cleanup: (handler: () => void) => void): StoppedQueue {
  const queue = new StoppedQueue()
  app.container.swap(AlertQueue, () => queue)
  cleanup(() => app.container.restore(AlertQueue))
  return queue
}

export async function deliveries(alertId?: number) {
  const query = db.from('alert_deliveries').orderBy('id')
  if (alertId !== undefined) query.where('alert_id', alertId)
  return query
}

export async function lastAlert() {
  return db.from('alerts').orderBy('id', 'desc').first()
}

export { openStream, subscribe } from '#tests/helpers/sse'
