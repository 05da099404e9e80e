import { test } from '@japa/runner'
import nock from 'nock'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { SmsSender } from '#app/sms/index'
import { TwilioSmsSender } from '#app/sms/twilio_sms_sender'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

// nock patches http and fetch as soon as it is imported, for every spec
// file of the run: off here, on only while the group below runs.
nock.restore()

const INVITE = '/neighbourhood/invite'
const TWILIO = 'https://api.twilio.com'
const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`
const AUTH_TOKEN = 'test-auth-token'
const FROM = '+33757000000'
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`

/** The form fields the faked Twilio API received, one entry per message. */
type TwilioCall = URLSearchParams

const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`

/**
 * Twilio answering `times` message creations with 201 and a message
 * resource; only requests authenticated with the account's credentials
 * match (anything else finds no interceptor and fails).
 */
function twilioAccepts(calls: TwilioCall[], times = 1) {
  return (
    nock(TWILIO)
      .matchHeader('authorization', BASIC_AUTH)
      .post(MESSAGES)
      .times(times)
      /** nock 15 hands the reply function the request as a Fetch Request. */
      .reply(async (request: Request) => {
        const form = new URLSearchParams(await request.text())
        calls.push(form)
        return [
          201,
          {
            sid: `SM${String(calls.length).padStart(32, '0')}`,
            account_sid: ACCOUNT_SID,
            to: form.get('To'),
            from: form.get('From'),
            body: form.get('Body'),
            status: 'queued',
          },
        ]
      })
  )
}

async function placedResident(options: { verified?: boolean; displayName?: string } = {}) {
  const user = await createResident({ displayName: options.displayName })
  await placeResident(user.id, {
    longitude: 2.35409,
    latitude: 48.84766,
    addressLabel: '12 rue des Écoles, 75005 Paris',
    placement: 'geocoder',
  })
  if (options.verified) {
    await db.from('residents').where('user_id', user.id).update({ verified_at: new Date() })
  }
  const agent = new Agent()
  await signIn(agent, user.email)
  return { user, agent }
}

function sendSms(agent: Agent, phone: string) {
  return agent.submit(`${INVITE}/sms`, { recipient_phone: phone }, { from: INVITE })
}

async function smsRows() {
  return db.from('invitations').where('channel', 'sms').orderBy('id')
}

test.group('Invitations by SMS', (group) => {
  group.setup(async () => {
    await loadParis()
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
    nock.enableNetConnect('127.0.0.1')
    /** The real Twilio client, pointed at the faked API with test credentials. */
    const twilio = new TwilioSmsSender({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: FROM,
    })
    app.container.swap(SmsSender, () => twilio)
    return () => {
      app.container.restore(SmsSender)
      nock.cleanAll()
      nock.enableNetConnect()
      nock.restore()
    }
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('a verified resident invites a neighbour: one message through Twilio', async ({
    assert,
  }) => {
    const { user, agent } = await placedResident({ verified: true, displayName: 'Camille Martin' })
    const calls: TwilioCall[] = []
    const scope = twilioAccepts(calls)

    const page = await agent.get(INVITE)
    assert.include(page.text, 'name="recipient_phone"')
    assert.include(page.text, 'Encore 10 SMS possibles sur 24 heures')

    const response = await sendSms(agent, '06 12 34 56 78')
    assert.equal(response.status, 302)
    assert.equal(response.location, INVITE)
    assert.isTrue(scope.isDone())
    assert.lengthOf(calls, 1)

    const [row] = await smsRows()
    const form = calls[0]
    assert.equal(form.get('To'), '+33612345678')
    assert.equal(form.get('From'), FROM)
    const body = form.get('Body')!
    assert.include(body, 'Camille Martin vous invite')
    assert.include(body, 'Saint-Victor')
    assert.match(body, new RegExp(`https?://[^\\s]+/join/${row.code}$`))
    assert.notInclude(body, 'rue des')
    assert.isBelow(body.length, 160 * 2)

    assert.equal(row.recipient, '+33612345678')
    assert.equal(Number(row.inviter_id), Number(user.id))
    assert.isNotNull(row.sent_at)
    assert.equal((await new Agent().get(`/join/${row.code}`)).status, 200)

    const list = await agent.get(INVITE)
    assert.include(list.text, 'SMS d&#x27;invitation envoyé.')
    assert.include(list.text, '+33 6 12 34 56 78')
    assert.include(list.text, 'Encore 9 SMS possibles sur 24 heures')
  })

  test('accepts French numbers as people type them: {phone}')
    .with([
      { phone: '+33 6 12 34 56 78', e164: '+33612345678' },
      { phone: '07.12.34.56.78', e164: '+33712345678' },
      { phone: '0033 (0)6 12 34 56 78', e164: '+33612345678' },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await placedResident({ verified: true })
      const calls: TwilioCall[] = []
      twilioAccepts(calls)
      assert.equal((await sendSms(agent, row.phone)).status, 302)
      assert.equal(calls[0].get('To'), row.e164)
    })

  test('a resident whose address is not verified cannot invite by SMS', async ({ assert }) => {
    const { agent } = await placedResident()
    const calls: TwilioCall[] = []
    const scope = twilioAccepts(calls)

    const page = await agent.get(INVITE)
    assert.include(page.text, 'L&#x27;invitation par SMS est réservée aux habitants')
    assert.notInclude(page.text, 'name="recipient_phone"')

    const response = await sendSms(agent, '06 12 34 56 78')
    assert.equal(response.status, 403)
    assert.include(
      response.text,
      'L&#x27;invitation par SMS est réservée aux habitants dont l&#x27;adresse est vérifiée.'
    )
    assert.isFalse(scope.isDone())
    assert.lengthOf(calls, 0)
    assert.lengthOf(await smsRows(), 0)
  })

  test('refuses {name} before calling Twilio')
    .with([
      { name: 'an empty number', phone: '', message: 'Indiquez le numéro de portable' },
      { name: 'a landline', phone: '01 23 45 67 89', message: 'Indiquez un numéro de portable' },
      { name: 'letters', phone: '06 12 AB 56 78', message: 'Indiquez un numéro de portable' },
      { name: 'too few digits', phone: '06 12 34 56', message: 'Indiquez un numéro de portable' },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await placedResident({ verified: true })
      const calls: TwilioCall[] = []
      twilioAccepts(calls)
      const response = await sendSms(agent, row.phone)
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.lengthOf(calls, 0)
      assert.lengthOf(await smsRows(), 0)
    })

  test('the 11th SMS within 24 hours is refused', async ({ assert }) => {
    const { user, agent } = await placedResident({ verified: true })
    const calls: TwilioCall[] = []
    twilioAccepts(calls, 10)
    for (let i = 0; i < 10; i++) {
      const response = await sendSms(agent, `06 12 34 56 ${String(i).padStart(2, '0')}`)
      assert.equal(response.status, 302, `SMS ${i + 1}`)
    }
    assert.lengthOf(calls, 10)
    assert.include((await agent.get(INVITE)).text, 'Plus aucun SMS possible sur 24 heures')

    const scope = twilioAccepts(calls)
    const refused = await sendSms(agent, '06 99 99 99 99')
    assert.equal(refused.status, 429)
    assert.include(
      refused.text,
      'Vous avez déjà envoyé 10 SMS d&#x27;invitation ces dernières 24 heures.'
    )
    assert.lengthOf(calls, 10)
    assert.lengthOf(await smsRows(), 10)

    /** A rolling window: the oldest one more than 24 hours ago frees a place. */
    const [oldest] = await smsRows()
    await db
      .from('invitations')
      .where('id', oldest.id)
      .update({ created_at: new Date(Date.now() - 25 * 3_600_000) })
    assert.equal((await sendSms(agent, '06 99 99 99 99')).status, 302)
    assert.isTrue(scope.isDone())
    assert.lengthOf(await smsRows(), 11)
    assert.equal(Number(oldest.inviter_id), Number(user.id))
  })

  test('when Twilio fails, the resident is told and nothing is recorded', async ({ assert }) => {
    const { agent } = await placedResident({ verified: true })
    const scope = nock(TWILIO).post(MESSAGES).reply(500, {
      code: 20500,
      message: 'An internal server error has occurred',
      more_info: 'https://www.twilio.com/docs/errors/20500',
      status: 500,
    })
    const response = await sendSms(agent, '06 12 34 56 78')
    assert.isTrue(scope.isDone())
    assert.equal(response.status, 503)
    assert.include(response.text, 'Le SMS n&#x27;a pas pu partir')
    assert.include(response.text, 'Rien n&#x27;a été enregistré')
    assert.lengthOf(await smsRows(), 0)

    /** The failed attempt does not count: the same number can be invited again. */
    const calls: TwilioCall[] = []
    twilioAccepts(calls)
    assert.equal((await sendSms(agent, '06 12 34 56 78')).status, 302)
    assert.lengthOf(await smsRows(), 1)
  })

  test('when Twilio cannot be reached, the resident is told and nothing is recorded', async ({
    assert,
  }) => {
    const { agent } = await placedResident({ verified: true })
    nock(TWILIO)
      .post(MESSAGES)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    const response = await sendSms(agent, '06 12 34 56 78')
    assert.equal(response.status, 503)
    assert.include(response.text, 'Le SMS n&#x27;a pas pu partir')
    assert.lengthOf(await smsRows(), 0)
  })

  test('does not text the same number twice while the invitation is valid', async ({ assert }) => {
    const { agent } = await placedResident({ verified: true })
    const calls: TwilioCall[] = []
    twilioAccepts(calls, 2)
    assert.equal((await sendSms(agent, '06 12 34 56 78')).status, 302)
    const again = await sendSms(agent, '+33612345678')
    assert.equal(again.status, 422)
    assert.include(again.text, 'Vous avez déjà invité cette personne')
    assert.lengthOf(calls, 1)
  })
})
