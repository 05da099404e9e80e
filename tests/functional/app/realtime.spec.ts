import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import { Agent } from '#tests/helpers/agent'
import { openStream, subscribe } from '#tests/helpers/sse'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

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
