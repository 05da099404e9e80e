import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import { sendMessage, startConversation } from '#modules/messaging/index'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { camilleWritesToLea, openStream, reply, subscribe } from './support.js'

test.group('Messaging: live delivery', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the recipient’s open pages hear of a message on their inbox channel', async ({
    assert,
    cleanup,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await lea.agent.get(`/messages/${conversationId}`)
    const uid = randomUUID()
    const stream = await openStream(lea.agent, uid)
    cleanup(() => stream.close())
    assert.equal(stream.status, 200)
    assert.equal((await subscribe(lea.agent, uid, `users/${lea.id}/inbox`)).status, 204)

    /** Through the reply form, as Camille would. */
    const posted = await reply(camille, conversationId, 'Je passe à 10 h.\n<b>À tout de suite</b>')
    assert.equal(posted.status, 302)
    const event = (await stream.nextData()) as { channel: string; payload: Record<string, unknown> }
    assert.equal(event.channel, `users/${lea.id}/inbox`)
    assert.containSubset(event.payload, {
      kind: 'message',
      conversationId,
      from: 'Camille M.',
      excerpt: 'Je passe à 10 h. <b>À tout de suite</b>',
      text: 'Nouveau message de Camille M. : Je passe à 10 h. <b>À tout de suite</b>',
      unread: 1,
    })

    /** The open thread page then fetches what it has not shown, escaped, and reads it. */
    const lastShown = Number(lea.agent.lastPage.match(/data-last-id="(\d+)"/)![1])
    const fragment = await lea.agent.get(`/messages/${conversationId}/since?after=${lastShown}`)
    assert.equal(fragment.status, 200)
    assert.equal(fragment.headers.get('x-unread-count'), '0')
    assert.notInclude(fragment.text, '<html')
    assert.include(fragment.text, 'Je passe à 10 h.\n&lt;b&gt;À tout de suite&lt;/b&gt;')
    assert.include(fragment.text, 'Camille M.')
    assert.notInclude(fragment.text, 'Bonjour, votre perceuse')
    assert.lengthOf(fragment.text.match(/<li/g) ?? [], 1)

    /** Messages through the API (the exchanges module) are delivered the same way. */
    await sendMessage({ conversationId, senderId: camille.id, body: 'Et la mèche de 8 ?' })
    const second = (await stream.nextData()) as { payload: Record<string, unknown> }
    assert.containSubset(second.payload, {
      kind: 'message',
      unread: 1,
      excerpt: 'Et la mèche de 8 ?',
    })
  })

  test('an English reader hears English; the sender’s own stream hears nothing', async ({
    assert,
    cleanup,
  }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const tom = await verifiedResident('tom@example.org', {
      displayName: 'Tom Baker',
      locale: 'en',
    })
    const conversationId = await startConversation({ from: camille.id, to: tom.id })

    const streams: Awaited<ReturnType<typeof openStream>>[] = []
    for (const resident of [camille, tom]) {
      await resident.agent.get('/messages')
      const uid = randomUUID()
      const stream = await openStream(resident.agent, uid)
      cleanup(() => stream.close())
      assert.equal((await subscribe(resident.agent, uid, `users/${resident.id}/inbox`)).status, 204)
      streams.push(stream)
    }
    await reply(camille, conversationId, 'Are you there?')
    const event = (await streams[1].nextData()) as { payload: Record<string, unknown> }
    assert.containSubset(event.payload, {
      from: 'Camille M.',
      text: 'New message from Camille M.: Are you there?',
    })
    await assert.rejects(() => streams[0].nextData(800), /no event/)
  })
})
