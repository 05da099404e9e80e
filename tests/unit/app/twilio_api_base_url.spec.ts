import { test } from '@japa/runner'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SmsDeliveryError } from '#app/sms/index'
import { TwilioSmsSender } from '#app/sms/twilio_sms_sender'

const ACCOUNT_SID = `AC${'0a1b2c3d'.repeat(4)}`
const AUTH_TOKEN = 'stand-in-token'
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`

/** A local stand-in for Twilio's API (what bench/alerts.ts runs), answering with `reply`. */
async function standIn(
  reply: (request: IncomingMessage, body: string, response: ServerResponse) => void
) {
  const seen: { method?: string; url?: string; authorization?: string; form: URLSearchParams }[] =
    []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.authorization,
        form: new URLSearchParams(body),
      })
      reply(request, body, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function sender(apiBaseUrl: string) {
  return new TwilioSmsSender({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: '+33757000000',
    timeoutMs: 2000,
    apiBaseUrl,
  })
}

test.group('SMS senders: Twilio at another address (TWILIO_API_BASE_URL)', () => {
  test('the API calls go to the stand-in, on Twilio’s path, with the account’s credentials', async ({
    assert,
    cleanup,
  }) => {
    const twilio = await standIn((_request, _body, response) => {
      response.writeHead(201, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ sid: 'SM00000000000000000000000000000042', status: 'queued' }))
    })
    cleanup(twilio.close)

    const receipt = await sender(twilio.url).send({ to: '+33612345678', body: 'Bonjour' })
    assert.equal(receipt.id, 'SM00000000000000000000000000000042')
    assert.lengthOf(twilio.seen, 1)
    const [call] = twilio.seen
    assert.equal(call.method, 'POST')
    assert.equal(call.url, MESSAGES)
    assert.equal(
      call.authorization,
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`
    )
    assert.equal(call.form.get('To'), '+33612345678')
    assert.equal(call.form.get('Body'), 'Bonjour')
  })

  test('a 429 from the stand-in keeps its Retry-After', async ({ assert, cleanup }) => {
    const twilio = await standIn((_request, _body, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' })
      response.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }))
    })
    cleanup(twilio.close)

    const error = await sender(twilio.url)
      .send({ to: '+33612345678', body: 'Bonjour' })
      .catch((thrown) => thrown)
    assert.instanceOf(error, SmsDeliveryError)
    assert.equal(error.status, 429)
    assert.isTrue(error.transient)
    assert.equal(error.retryAfterMs, 30_000)
  })

  test('refuses an address that is not http(s)', async ({ assert }) => {
    const error = await sender('ftp://127.0.0.1:21')
      .send({ to: '+33612345678', body: 'Bonjour' })
      .catch((thrown) => thrown)
    assert.include(String(error?.message), 'TWILIO_API_BASE_URL must be an http(s) URL')
  })
})
