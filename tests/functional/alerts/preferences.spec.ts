import { test } from '@japa/runner'
import nock from 'nock'
import db from '@adonisjs/lucid/services/db'
import {
  browserSubscription,
  twilioAccepts,
  type TwilioCall,
  withAlertProviders,
} from '#tests/helpers/alerts'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident } from '#tests/helpers/community'

const PAGE = '/alerts/preferences'

/** Every checkbox of the preferences form, ticked or not. */
function choices(names: string[], quiet: { start?: string; end?: string } = {}) {
  const fields: Record<string, string | undefined> = {
    quiet_start: quiet.start,
    quiet_end: quiet.end,
  }
  for (const channel of ['push', 'email', 'sms']) {
    for (const severity of ['info', 'urgent', 'critical']) {
      const name = `${channel}_${severity}`
      fields[name] = names.includes(name) ? '1' : undefined
    }
  }
  return fields
}

/** A checkbox of the preferences page, ticked. */
function ticked(name: string) {
  return new RegExp(`name="${name}"\\s+value="1"\\s+checked`)
}

async function preferencesRow(userId: number) {
  return db.from('alert_preferences').where('user_id', userId).first()
}

async function phoneRow(userId: number) {
  return db.from('alert_phones').where('user_id', userId).first()
}

/** The code in the SMS the faked Twilio received. */
function codeIn(call: TwilioCall): string {
  return call.get('Body')!.match(/\b(\d{6})\b/)![1]
}

/** POSTs JSON the way resources/js/alerts/push.js does (CSRF token from the page's meta tag). */
async function postJson(agent: Agent, path: string, body: unknown, csrf = true) {
  const page = await agent.get(PAGE)
  const token = page.text.match(/name="csrf-token" content="([^"]+)"/)![1]
  return agent.request('POST', path, {
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      ...(csrf ? { 'x-csrf-token': token } : {}),
    },
  })
}

test.group('Alerts: a resident’s channels', (group) => {
  withAlertProviders(group)
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('channels per severity and quiet hours are saved and shown', async ({ assert }) => {
    const lea = await verifiedResident('lea@example.org')
    const page = await lea.agent.get(PAGE)
    assert.equal(page.status, 200)
    assert.match(page.text, ticked('push_info'))
    assert.match(page.text, ticked('email_urgent'))
    assert.notMatch(page.text, ticked('email_info'))
    assert.match(page.text, /name="sms_critical"\s+value="1"\s+disabled/)

    const saved = await lea.agent.submit(
      PAGE,
      choices(['push_critical', 'email_urgent', 'email_critical'], { start: '22:30', end: '07:00' })
    )
    assert.equal(saved.status, 302)
    const row = await preferencesRow(lea.id)
    assert.isFalse(row.push_info)
    assert.isFalse(row.push_urgent)
    assert.isTrue(row.push_critical)
    assert.isTrue(row.email_urgent)
    assert.equal(row.quiet_start, 22 * 60 + 30)
    assert.equal(row.quiet_end, 7 * 60)
    const again = await lea.agent.get(PAGE)
    assert.include(again.text, 'Vos préférences d’alerte sont enregistrées.')
    assert.include(again.text, 'value="22:30"')
    assert.notMatch(again.text, ticked('push_info'))

    /** No quiet hours at all: both fields empty. */
    assert.equal((await lea.agent.submit(PAGE, choices(['push_info']))).status, 302)
    assert.isNull((await preferencesRow(lea.id)).quiet_start)
  })

  test('refuses {name} on the preferences form and keeps what was saved')
    .with([
      {
        name: 'a start without an end',
        quiet: { start: '22:00' },
        message: 'Indiquez le début et la fin des heures calmes',
      },
      {
        name: 'a time that is not one',
        quiet: { start: '25:00', end: '07:00' },
        message: 'Indiquez une heure, par exemple 22:00.',
      },
      {
        name: 'the same start and end',
        quiet: { start: '22:00', end: '22:00' },
        message: 'Le début et la fin des heures calmes doivent être différents.',
      },
    ])
    .run(async ({ assert }, row) => {
      const lea = await verifiedResident('lea@example.org')
      const response = await lea.agent.submit(PAGE, choices(['push_info'], row.quiet), {
        from: PAGE,
      })
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.isNull(await preferencesRow(lea.id))
    })

  test('SMS needs a verified address, a verified number, and stays off until chosen', async ({
    assert,
  }) => {
    const lea = await verifiedResident('lea@example.org')
    const hugo = await verifiedResident('hugo@example.org', { verified: false })
    const calls: TwilioCall[] = []
    const scope = twilioAccepts(calls, 1)

    const noPhone = await lea.agent.submit(PAGE, choices(['sms_critical']), { from: PAGE })
    assert.equal(noPhone.status, 422)
    assert.include(noPhone.text, 'ajoutez et vérifiez d’abord votre numéro de portable')
    assert.isNull(await preferencesRow(lea.id))

    /** An unverified resident can neither opt in nor give a number (no SMS leaves). */
    assert.include(
      (await hugo.agent.get(PAGE)).text,
      'réservées aux habitants dont l’adresse est vérifiée'
    )
    const refused = await hugo.agent.submit(
      '/alerts/phone',
      { phone_number: '06 12 34 56 78' },
      { from: PAGE }
    )
    assert.equal(refused.status, 409)
    assert.isNull(await phoneRow(hugo.id))
    const hugoSms = await hugo.agent.submit(PAGE, choices(['sms_urgent']), { from: PAGE })
    assert.equal(hugoSms.status, 422)
    assert.include(hugoSms.text, 'réservées aux habitants dont l’adresse est vérifiée')

    /** Lea gives her number: a code by SMS, hashed, nothing verified yet. */
    const given = await lea.agent.submit(
      '/alerts/phone',
      { phone_number: '06 12 34 56 78' },
      { from: PAGE }
    )
    assert.equal(given.status, 302)
    assert.isTrue(scope.isDone())
    assert.equal(calls[0].get('To'), '+33612345678')
    assert.include(calls[0].get('Body')!, 'Il expire dans 10 minutes.')
    const code = codeIn(calls[0])
    const pending = await phoneRow(lea.id)
    assert.equal(pending.phone, '+33612345678')
    assert.isNull(pending.verified_at)
    assert.match(pending.code_hash, /^[0-9a-f]{64}$/)
    assert.notInclude(pending.code_hash, code)
    const page = await lea.agent.get(PAGE)
    assert.include(page.text, 'name="phone_code"')
    assert.include(page.text, 'Numéro en attente de vérification : +33 6 12 34 56 78.')

    /** Asking again at once: refused, nothing sent. */
    const tooSoon = await lea.agent.submit(
      '/alerts/phone',
      { phone_number: '06 12 34 56 78' },
      { from: PAGE }
    )
    assert.equal(tooSoon.status, 429)
    assert.include(tooSoon.text, 'Un code vient de partir.')
    assert.lengthOf(calls, 1)

    const wrong = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: code === '000000' ? '111111' : '000000' },
      { from: PAGE }
    )
    assert.equal(wrong.status, 422)
    assert.include(wrong.text, 'Ce n’est pas le bon code. Encore 4 essais.')
    const malformed = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: '12ab' },
      { from: PAGE }
    )
    assert.equal(malformed.status, 422)
    assert.include(malformed.text, 'Le code a 6 chiffres')
    assert.equal((await phoneRow(lea.id)).code_attempts, 1)

    const right = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: `${code.slice(0, 3)} ${code.slice(3)}` },
      { from: PAGE }
    )
    assert.equal(right.status, 302)
    const verified = await phoneRow(lea.id)
    assert.isNotNull(verified.verified_at)
    assert.isNull(verified.code_hash)

    /** Now SMS can be chosen. */
    assert.equal(
      (await lea.agent.submit(PAGE, choices(['sms_critical']), { from: PAGE })).status,
      302
    )
    assert.isTrue((await preferencesRow(lea.id)).sms_critical)

    /** Removing the number switches SMS off. */
    assert.equal((await lea.agent.submit('/alerts/phone/remove', {}, { from: PAGE })).status, 302)
    assert.isNull(await phoneRow(lea.id))
    assert.isFalse((await preferencesRow(lea.id)).sms_critical)
  })

  test('a phone code dies after 5 wrong tries or 10 minutes', async ({ assert }) => {
    const lea = await verifiedResident('lea@example.org')
    const calls: TwilioCall[] = []
    twilioAccepts(calls, 2)
    await lea.agent.submit('/alerts/phone', { phone_number: '+33 6 12 34 56 78' }, { from: PAGE })
    const code = codeIn(calls[0])
    const wrongCode = code === '000000' ? '111111' : '000000'
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await lea.agent.submit(
        '/alerts/phone/verify',
        { phone_code: wrongCode },
        { from: PAGE }
      )
      assert.equal(response.status, 422)
    }
    const fifth = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: wrongCode },
      { from: PAGE }
    )
    assert.include(fifth.text, 'Ce code n’est plus valable')
    const late = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: code },
      { from: PAGE }
    )
    assert.equal(late.status, 422)
    assert.include(late.text, 'Aucun code en attente')
    assert.isNull((await phoneRow(lea.id)).verified_at)

    /** A new code, left to expire. */
    await db
      .from('alert_phones')
      .where('user_id', lea.id)
      .update({ code_sent_at: new Date(Date.now() - 120_000) })
    await lea.agent.submit('/alerts/phone', { phone_number: '06 12 34 56 78' }, { from: PAGE })
    const second = codeIn(calls[1])
    await db
      .from('alert_phones')
      .where('user_id', lea.id)
      .update({ code_expires_at: new Date(Date.now() - 1000) })
    const expired = await lea.agent.submit(
      '/alerts/phone/verify',
      { phone_code: second },
      { from: PAGE }
    )
    assert.equal(expired.status, 422)
    assert.include(expired.text, 'Ce code n’est plus valable')
    assert.isNull((await phoneRow(lea.id)).verified_at)
  })

  test('refuses {name} as a mobile number before texting anything')
    .with([
      { name: 'an empty number', phone: '', message: 'Indiquez votre numéro de portable.' },
      { name: 'a landline', phone: '01 23 45 67 89', message: 'Indiquez un numéro de portable' },
      { name: 'letters', phone: '06 12 AB 56 78', message: 'Indiquez un numéro de portable' },
    ])
    .run(async ({ assert }, row) => {
      const lea = await verifiedResident('lea@example.org')
      const calls: TwilioCall[] = []
      twilioAccepts(calls)
      const response = await lea.agent.submit(
        '/alerts/phone',
        { phone_number: row.phone },
        { from: PAGE }
      )
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.lengthOf(calls, 0)
      assert.isNull(await phoneRow(lea.id))
    })

  test('asking for codes is rate-limited', async ({ assert }) => {
    const lea = await verifiedResident('lea@example.org')
    const calls: TwilioCall[] = []
    twilioAccepts(calls, 5)
    for (let attempt = 0; attempt < 5; attempt++) {
      await db.from('alert_phones').where('user_id', lea.id).update({ code_sent_at: null })
      const response = await lea.agent.submit(
        '/alerts/phone',
        { phone_number: `06 12 34 56 7${attempt}` },
        { from: PAGE }
      )
      assert.equal(response.status, 302, `code ${attempt + 1}`)
    }
    const limited = await lea.agent.submit(
      '/alerts/phone',
      { phone_number: '06 12 34 56 99' },
      { from: PAGE }
    )
    assert.equal(limited.status, 429)
    assert.include(limited.text, 'minute')
    assert.lengthOf(calls, 5)
  })

  test('this device’s push subscription: registered with the CSRF token, only at a push service', async ({
    assert,
  }) => {
    const lea = await verifiedResident('lea@example.org')
    const tom = await verifiedResident('tom@example.org')
    const subscription = browserSubscription('lea-laptop')
    const page = await lea.agent.get(PAGE)
    assert.include(page.text, 'data-public-key=')
    assert.include(page.text, 'data-subscribe-url="/alerts/push/subscriptions"')

    const withoutToken = await postJson(
      lea.agent,
      '/alerts/push/subscriptions',
      subscription,
      false
    )
    assert.equal(withoutToken.status, 403)

    const created = await postJson(lea.agent, '/alerts/push/subscriptions', subscription)
    assert.equal(created.status, 201)
    let rows = await db.from('alert_push_subscriptions')
    assert.lengthOf(rows, 1)
    assert.equal(Number(rows[0].user_id), lea.id)
    assert.equal(rows[0].p256dh, subscription.keys.p256dh)
    assert.include((await lea.agent.get(PAGE)).text, 'Ne plus notifier cet appareil')

    /** The same browser, signed in as Tom: the endpoint moves to him. */
    assert.equal(
      (await postJson(tom.agent, '/alerts/push/subscriptions', subscription)).status,
      201
    )
    rows = await db.from('alert_push_subscriptions')
    assert.lengthOf(rows, 1)
    assert.equal(Number(rows[0].user_id), tom.id)

    /** Lea cannot remove Tom's device; Tom can. */
    const notHers = await lea.agent.submit(
      `/alerts/push/devices/${rows[0].id}/remove`,
      {},
      { from: PAGE }
    )
    assert.equal(notHers.status, 302)
    assert.lengthOf(await db.from('alert_push_subscriptions'), 1)
    const unsubscribed = await postJson(tom.agent, '/alerts/push/unsubscribe', {
      endpoint: subscription.endpoint,
    })
    assert.equal(unsubscribed.status, 204)
    assert.lengthOf(await db.from('alert_push_subscriptions'), 0)
  })

  test('refuses a push subscription {name}')
    .with([
      {
        name: 'at an unknown host',
        change: { endpoint: 'https://collector.example.com/push/1' },
        status: 422,
      },
      {
        name: 'over plain http',
        change: { endpoint: 'http://fcm.googleapis.com/fcm/send/x' },
        status: 422,
      },
      { name: 'at a private address', change: { endpoint: 'https://127.0.0.1/push' }, status: 422 },
      { name: 'without keys', change: { keys: undefined }, status: 422 },
      {
        name: 'with a malformed key',
        change: { keys: { p256dh: 'not a key!', auth: 'short' } },
        status: 422,
      },
    ])
    .run(async ({ assert }, row) => {
      const lea = await verifiedResident('lea@example.org')
      const response = await postJson(lea.agent, '/alerts/push/subscriptions', {
        ...browserSubscription('lea-laptop'),
        ...row.change,
      })
      assert.equal(response.status, row.status)
      assert.lengthOf(await db.from('alert_push_subscriptions'), 0)
    })
})
