import { test } from '@japa/runner'
import nock from 'nock'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { DisabledSmsSender, SmsDeliveryError, SmsSender, createSmsSender } from '#app/sms/index'
import { LogSmsSender } from '#app/sms/log_sms_sender'
import { TwilioSmsSender } from '#app/sms/twilio_sms_sender'

// nock patches http and fetch as soon as it is imported, for every spec
// file of the run: off here, on only while the Twilio group runs.
nock.restore()

const TWILIO = 'https://api.twilio.com'
const ACCOUNT_SID = `AC${'fedcba9876543210'.repeat(2)}`
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`
const SERVICE_SID = `MG${'0123456789abcdef'.repeat(2)}`

function config(driver: 'twilio' | 'log' | 'none', from = '+33757000000') {
  return {
    driver,
    twilio: { accountSid: ACCOUNT_SID, authToken: 'token', from, timeoutMs: 2000 },
    logPath: join(tmpdir(), 'quartier-sms-unused.log'),
    dailyLimitPerResident: 10,
  }
}

test.group('SMS senders: Twilio', (group) => {
  group.setup(() => {
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
    return () => {
      nock.cleanAll()
      nock.enableNetConnect()
      nock.restore()
    }
  })
  group.each.teardown(() => {
    nock.cleanAll()
  })

  test('sends To, From and Body and returns the message id', async ({ assert }) => {
    let form = new URLSearchParams()
    const scope = nock(TWILIO)
      .post(MESSAGES)
      .reply(async (request: Request) => {
        form = new URLSearchParams(await request.text())
        return [201, { sid: 'SM00000000000000000000000000000001', status: 'queued' }]
      })
    const sender = (await createSmsSender(config('twilio'))) as TwilioSmsSender
    assert.instanceOf(sender, TwilioSmsSender)
    const receipt = await sender.send({ to: '+33612345678', body: 'Bonjour' })
    assert.isTrue(scope.isDone())
    assert.equal(receipt.id, 'SM00000000000000000000000000000001')
    assert.equal(form.get('To'), '+33612345678')
    assert.equal(form.get('From'), '+33757000000')
    assert.equal(form.get('Body'), 'Bonjour')
  })

  test('a Messaging Service SID is sent as MessagingServiceSid', async ({ assert }) => {
    let form = new URLSearchParams()
    nock(TWILIO)
      .post(MESSAGES)
      .reply(async (request: Request) => {
        form = new URLSearchParams(await request.text())
        return [201, { sid: 'SM00000000000000000000000000000002' }]
      })
    const sender = await createSmsSender(config('twilio', SERVICE_SID))
    await sender.send({ to: '+33612345678', body: 'Bonjour' })
    assert.equal(form.get('MessagingServiceSid'), SERVICE_SID)
    assert.isNull(form.get('From'))
  })

  test('a refusal becomes an SmsDeliveryError with Twilio’s error code', async ({ assert }) => {
    nock(TWILIO).post(MESSAGES).reply(400, {
      code: 21211,
      message: "The 'To' number +33600000000 is not a valid phone number.",
      more_info: 'https://www.twilio.com/docs/errors/21211',
      status: 400,
    })
    const sender = await createSmsSender(config('twilio'))
    const error = await sender.send({ to: '+33600000000', body: 'Bonjour' }).catch((e) => e)
    assert.instanceOf(error, SmsDeliveryError)
    assert.equal(error.providerCode, 21211)
    assert.include(error.message, 'Twilio answered 400 (error 21211)')
  })

  test('an unreachable API becomes an SmsDeliveryError', async ({ assert }) => {
    nock(TWILIO)
      .post(MESSAGES)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    const sender = await createSmsSender(config('twilio'))
    const error = await sender.send({ to: '+33612345678', body: 'Bonjour' }).catch((e) => e)
    assert.instanceOf(error, SmsDeliveryError)
    assert.include(error.message, 'Twilio could not be reached')
  })
})

test.group('SMS senders: development and switched off', () => {
  test('the log driver appends one JSON line per message', async ({ assert, cleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'quartier-sms-'))
    cleanup(() => rm(dir, { recursive: true, force: true }))
    const path = join(dir, 'nested', 'sms.log')
    const sender = new LogSmsSender(path)
    const first = await sender.send({ to: '+33612345678', body: 'Un' })
    await sender.send({ to: '+33712345678', body: 'Deux' })
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    assert.lengthOf(lines, 2)
    assert.equal(lines[0].id, first.id)
    assert.equal(lines[0].to, '+33612345678')
    assert.equal(lines[1].body, 'Deux')
  })

  test('the none driver is disabled and refuses to send', async ({ assert }) => {
    const sender = await createSmsSender(config('none'))
    assert.instanceOf(sender, DisabledSmsSender)
    assert.isFalse(sender.enabled)
    await assert.rejects(() => sender.send({ to: '+33612345678', body: 'x' }), SmsDeliveryError)
  })

  test('the container gives the configured driver (log outside production)', async ({ assert }) => {
    const sender = await app.container.make(SmsSender)
    assert.instanceOf(sender, LogSmsSender)
    assert.isTrue(sender.enabled)
    assert.strictEqual(await app.container.make(SmsSender), sender)
  })
})
