import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

/** Opens the Server-Sent Events stream as the browser's EventSource would. */
async function openStream(agent: Agent, uid: string) {
  const controller = new AbortController()
  const response = await fetch(new URL(`/__transmit/events?uid=${uid}`, agent.baseUrl), {
    headers: {
      accept: 'text/event-stream',
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    signal: controller.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    status: response.status,
    async nextData(timeoutMs = 3000): Promise<unknown> {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const match = buffer.match(/data: (.+)\n/)
        if (match) {
          buffer = buffer.slice(buffer.indexOf(match[0]) + match[0].length)
          return JSON.parse(match[1])
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
        ])
        if (!chunk || chunk.done) break
        buffer += decoder.decode(chunk.value)
      }
      throw new Error(`no event within ${timeoutMs} ms (received: ${buffer})`)
    },
    close: () => controller.abort(),
  }
}

function subscribe(agent: Agent, uid: string, channel: string) {
  const token = agent.lastPage.match(/name="csrf-token" content="([^"]+)"/)![1]
  return agent.request('POST', '/__transmit/subscribe', {
    body: JSON.stringify({ uid, channel }),
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      'x-csrf-token': token,
    },
  })
}

test.group('Live updates', (group) => {
  freshStateForEachTest(group)

  test('a resident receives what is broadcast to their own inbox', async ({ assert, cleanup }) => {
    const user = await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await signIn(agent, 'camille@example.org')
    await agent.get('/profile')

    const uid = randomUUID()
    const stream = await openStream(agent, uid)
    cleanup(() => stream.close())
    assert.equal(stream.status, 200)

    const subscribed = await subscribe(agent, uid, `users/${user.id}/inbox`)
    assert.equal(subscribed.status, 204)

    transmit.broadcast(`users/${user.id}/inbox`, { kind: 'test', text: 'Bonjour voisin' })
    const event = (await stream.nextData()) as { channel: string; payload: unknown }
    assert.deepEqual(event, {
      channel: `users/${user.id}/inbox`,
      payload: { kind: 'test', text: 'Bonjour voisin' },
    })
  })

  test("nobody may subscribe to another resident's inbox", async ({ assert, cleanup }) => {
    const camille = await createResident({ email: 'camille@example.org' })
    await createResident({ email: 'karim@example.org' })
    const agent = new Agent()
    await signIn(agent, 'karim@example.org')
    await agent.get('/profile')

    const uid = randomUUID()
    const stream = await openStream(agent, uid)
    cleanup(() => stream.close())
    const response = await subscribe(agent, uid, `users/${camille.id}/inbox`)
    assert.equal(response.status, 400)
  })

  test('a channel no module declared is refused, even to a signed-in resident', async ({
    assert,
    cleanup,
  }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await signIn(agent, 'camille@example.org')
    await agent.get('/profile')

    const uid = randomUUID()
    const stream = await openStream(agent, uid)
    cleanup(() => stream.close())
    const response = await subscribe(agent, uid, 'neighbourhoods/1/private')
    assert.equal(response.status, 403)
  })

  test('subscribing without the CSRF token is refused', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await signIn(agent, 'camille@example.org')
    const response = await agent.request('POST', '/__transmit/subscribe', {
      body: JSON.stringify({ uid: randomUUID(), channel: 'users/1/inbox' }),
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    })
    assert.equal(response.status, 403)
  })
})
