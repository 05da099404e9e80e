import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  BlockedError,
  isBlocked,
  sendMessage,
  startConversation,
  unreadCount,
} from '#modules/messaging/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { camilleWritesToLea, headerCount, messageCount, reply } from './support.js'

test.group('Messaging: blocking a resident', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the recipient blocks the sender: no message either way, each thread says so', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    assert.equal(await unreadCount(lea.id), 1)

    const blocked = await lea.agent.submit(
      `/messages/${conversationId}/block`,
      {},
      { from: `/messages/${conversationId}` }
    )
    assert.equal(blocked.status, 302)
    assert.equal(blocked.location, `/messages/${conversationId}`)
    assert.isTrue(await isBlocked(lea.id, camille.id))
    assert.isTrue(await isBlocked(camille.id, lea.id))

    const leaThread = await lea.agent.get(`/messages/${conversationId}`)
    assert.include(leaThread.text, 'Cette personne est bloquée')
    assert.include(leaThread.text, 'Vous avez bloqué Camille M.')
    assert.include(leaThread.text, 'Débloquer Camille M.')
    assert.notInclude(leaThread.text, 'name="message_body"')

    const camilleThread = await camille.agent.get(`/messages/${conversationId}`)
    assert.include(camilleThread.text, 'Vous ne pouvez plus écrire à Léa D.')
    assert.notInclude(camilleThread.text, 'name="message_body"')

    /** A form left open in another tab, or a crafted post: refused, nothing written. */
    for (const resident of [camille, lea]) {
      const refused = await resident.agent.submit(`/messages/${conversationId}`, {
        message_body: 'Toujours là ?',
      })
      assert.equal(refused.status, 403)
      assert.include(refused.text, 'l&#x27;un de vous deux a bloqué l&#x27;autre')
    }
    await assert.rejects(
      () => sendMessage({ conversationId, senderId: camille.id, body: 'Par l’API' }),
      BlockedError
    )
    /** Not in another conversation either (a new exchange, or a direct one). */
    await assert.rejects(
      () =>
        startConversation({
          from: camille.id,
          to: lea.id,
          subject: { type: 'exchange', id: 99, title: 'Tondeuse', url: '/exchanges/99' },
          firstMessage: 'Et la tondeuse ?',
        }),
      BlockedError
    )
    await assert.rejects(() => startConversation({ from: lea.id, to: camille.id }), BlockedError)
    assert.equal(await messageCount(), 1)
    assert.lengthOf(await db.from('conversations'), 1)
  })

  test('blocking reads what the blocked resident sent; unblocking restores messages', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    const inbox = await lea.agent.get('/messages')
    assert.equal(headerCount(inbox.text), 1)
    await lea.agent.submit(`/messages/${conversationId}/block`, {})
    assert.equal(await unreadCount(lea.id), 0)

    /** Only the blocker lifts their block. */
    await camille.agent.get(`/messages/${conversationId}`)
    const notTheirs = await camille.agent.submit(`/messages/${conversationId}/unblock`, {})
    assert.equal(notTheirs.status, 302)
    assert.isTrue(await isBlocked(camille.id, lea.id))

    await lea.agent.get(`/messages/${conversationId}`)
    const unblocked = await lea.agent.submit(`/messages/${conversationId}/unblock`, {})
    assert.equal(unblocked.status, 302)
    assert.isFalse(await isBlocked(camille.id, lea.id))
    const thread = await lea.agent.get(`/messages/${conversationId}`)
    assert.include(thread.text, 'Cette personne est débloquée')
    assert.include(thread.text, 'name="message_body"')

    assert.equal((await reply(camille, conversationId, 'Merci de m’avoir débloquée')).status, 302)
    assert.equal((await reply(lea, conversationId, 'Avec plaisir')).status, 302)
    assert.equal(await messageCount(conversationId), 3)
  })

  test('the sender blocks too: the other side is refused the same way', async ({ assert }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await camille.agent.get(`/messages/${conversationId}`)
    await camille.agent.submit(`/messages/${conversationId}/block`, {})

    const refused = await reply(lea, conversationId, 'Pourquoi ?')
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'Vous ne pouvez plus écrire à Camille M.')
    await assert.rejects(
      () => startConversation({ from: lea.id, to: camille.id, firstMessage: 'Bonjour ?' }),
      BlockedError
    )
    assert.equal(await messageCount(), 1)
  })
})
