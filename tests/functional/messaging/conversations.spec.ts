import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  RecipientUnavailableError,
  conversationsAbout,
  startConversation,
  unreadCount,
} from '#modules/messaging/index'
import { VerificationRequiredError } from '#modules/verification/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { verifiedResident } from '#tests/helpers/community'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { DRILL, camilleWritesToLea, headerCount, messageCount, reply } from './support.js'

test.group('Messaging: conversations between two residents', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a message shows in the inbox and the header until read; a reply goes back', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()

    const inbox = await lea.agent.get('/messages')
    assert.equal(inbox.status, 200)
    assert.include(inbox.text, 'Camille M.')
    assert.notInclude(inbox.text, 'Camille Martin')
    assert.include(inbox.text, 'À propos de « Perceuse à prêter »')
    assert.include(inbox.text, 'Bonjour, votre perceuse est-elle libre samedi ?')
    assert.include(inbox.text, '1 non lu')
    assert.include(inbox.text, `href="/messages/${conversationId}"`)
    assert.equal(headerCount(inbox.text), 1)
    assert.include(inbox.text, 'aria-label="Messages : 1 message non lu"')
    assert.equal(await unreadCount(lea.id), 1)

    /** The sender has nothing unread: what one writes is read. */
    const sent = await camille.agent.get('/messages')
    assert.equal(headerCount(sent.text), 0)
    assert.include(sent.text, 'Vous : Bonjour')
    assert.include(sent.text, 'Léa D.')

    const thread = await lea.agent.get(`/messages/${conversationId}`)
    assert.equal(thread.status, 200)
    assert.include(thread.text, 'Conversation avec Camille M.')
    assert.include(thread.text, 'href="/exchanges/12"')
    assert.include(thread.text, 'Bonjour, votre perceuse est-elle libre samedi ?')
    assert.include(thread.text, 'name="message_body"')
    assert.equal(headerCount(thread.text), 0, 'reading the thread clears the count')
    assert.include(thread.text, 'aria-label="Messages : aucun message non lu"')
    assert.equal(await unreadCount(lea.id), 0)

    const answer = await reply(lea, conversationId, 'Oui, passez vers 10 h.\nSonnez deux fois.')
    assert.equal(answer.status, 302)
    assert.match(answer.location!, new RegExp(`^/messages/${conversationId}#message-\\d+$`))
    assert.equal(await messageCount(conversationId), 2)

    const camillePage = await camille.agent.get('/messages')
    assert.equal(headerCount(camillePage.text), 1)
    assert.include(camillePage.text, 'Oui, passez vers 10 h. Sonnez deux fois.')
    const camilleThread = await camille.agent.get(`/messages/${conversationId}`)
    assert.include(camilleThread.text, 'Oui, passez vers 10 h.\nSonnez deux fois.')
    assert.equal(headerCount(camilleThread.text), 0)
    assert.equal(await unreadCount(camille.id), 0)
  })

  test('one conversation per pair and subject, one direct one per pair', async ({ assert }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    const again = await startConversation({ from: lea.id, to: camille.id, subject: DRILL })
    assert.equal(again, conversationId)
    const withMessage = await startConversation({
      from: camille.id,
      to: lea.id,
      subject: DRILL,
      firstMessage: 'Je relance !',
    })
    assert.equal(withMessage, conversationId)
    assert.equal(await messageCount(conversationId), 2)

    const ladder = await startConversation({
      from: camille.id,
      to: lea.id,
      subject: { type: 'exchange', id: 13, title: 'Échelle', url: '/exchanges/13' },
    })
    assert.notEqual(ladder, conversationId)
    const direct = await startConversation({ from: camille.id, to: lea.id })
    const directAgain = await startConversation({ from: lea.id, to: camille.id, subject: null })
    assert.equal(direct, directAgain)
    assert.notEqual(direct, ladder)
    assert.lengthOf(await db.from('conversations'), 3)
    assert.lengthOf(await db.from('conversation_participants'), 6)

    const about = await conversationsAbout({ type: 'exchange', id: 12 }, lea.id)
    assert.deepEqual(
      about.map(({ id, otherId }) => ({ id, otherId })),
      [{ id: conversationId, otherId: camille.id }]
    )
    assert.instanceOf(about[0].lastMessageAt, Date)
    assert.deepEqual(await conversationsAbout({ type: 'exchange', id: 12 }, 999_999), [])
  })

  test('only residents talk, and the sender must be verified', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const hugo = await verifiedResident('hugo@example.org', {
      displayName: 'Hugo Petit',
      verified: false,
    })
    const nomad = await createResident({ email: 'nomad@example.org' })

    await assert.rejects(
      () => startConversation({ from: hugo.id, to: camille.id, firstMessage: 'Salut' }),
      VerificationRequiredError
    )
    await assert.rejects(
      () => startConversation({ from: camille.id, to: Number(nomad.id), firstMessage: 'Salut' }),
      RecipientUnavailableError
    )
    await assert.rejects(
      () => startConversation({ from: camille.id, to: camille.id }),
      RecipientUnavailableError
    )
    assert.lengthOf(await db.from('conversations'), 0)

    /** An unverified recipient reads, and is told how to be able to answer. */
    const id = await startConversation({
      from: camille.id,
      to: hugo.id,
      firstMessage: 'Bienvenue !',
    })
    const thread = await hugo.agent.get(`/messages/${id}`)
    assert.equal(thread.status, 200)
    assert.include(thread.text, 'Bienvenue !')
    assert.include(thread.text, 'faites d&#x27;abord vérifier votre adresse')
    assert.notInclude(thread.text, 'name="message_body"')

    const refused = await hugo.agent.submit(
      `/messages/${id}`,
      { message_body: 'Merci !' },
      { from: `/messages/${id}` }
    )
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'href="/verify"')
    assert.equal(await messageCount(id), 1)
  })

  test('a third resident gets 404 on the thread and everything about it', async ({ assert }) => {
    const { conversationId } = await camilleWritesToLea()
    const karim = await verifiedResident('karim@example.org', { displayName: 'Karim Benali' })

    const page = await karim.agent.get(`/messages/${conversationId}`)
    assert.equal(page.status, 404)
    assert.notInclude(page.text, 'perceuse')
    assert.equal((await karim.agent.get(`/messages/${conversationId}/since?after=0`)).status, 404)
    await karim.agent.get('/messages')
    const posted = await karim.agent.submit(`/messages/${conversationId}`, {
      message_body: 'Je m’incruste',
    })
    assert.equal(posted.status, 404)
    const blocked = await karim.agent.submit(`/messages/${conversationId}/block`, {})
    assert.equal(blocked.status, 404)
    assert.equal(await messageCount(conversationId), 1)
    assert.lengthOf(await db.from('blocks'), 0)

    /** An id that does not exist answers the same. */
    assert.equal((await karim.agent.get('/messages/999999')).status, 404)
    const inbox = await karim.agent.get('/messages')
    assert.include(inbox.text, 'Aucune conversation pour l&#x27;instant')
  })

  test('an empty or over-long message is refused with the thread shown again', async ({
    assert,
  }) => {
    const { lea, conversationId } = await camilleWritesToLea()
    for (const body of ['', '   \n  ', 'x'.repeat(2001)]) {
      const response = await reply(lea, conversationId, body)
      assert.equal(response.status, 422, JSON.stringify(body.slice(0, 10)))
      assert.include(response.text, 'Conversation avec Camille M.')
      assert.include(response.text, 'Bonjour, votre perceuse est-elle libre samedi ?')
      if (body.length > 2000) {
        assert.include(response.text, 'Votre message dépasse 2000 caractères')
      } else {
        assert.include(response.text, 'Écrivez votre message avant de l&#x27;envoyer.')
      }
    }
    const none = await lea.agent.submit(`/messages/${conversationId}`, {})
    assert.equal(none.status, 422)
    assert.equal(await messageCount(conversationId), 1)

    const longest = await reply(lea, conversationId, 'é'.repeat(2000))
    assert.equal(longest.status, 302)
    assert.equal(await messageCount(conversationId), 2)

    const english = await verifiedResident('tom@example.org', {
      displayName: 'Tom Baker',
      locale: 'en',
    })
    const id = await startConversation({ from: lea.id, to: english.id, firstMessage: 'Hello' })
    const refused = await reply(english, id, 'y'.repeat(2001))
    assert.equal(refused.status, 422)
    assert.include(refused.text, 'Your message is longer than 2000 characters')
  })

  test('markup in messages and subjects is shown as text', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa <b>Dubois</b>' })
    const payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    const id = await startConversation({
      from: camille.id,
      to: lea.id,
      subject: { type: 'exchange', id: 7, title: `Scie ${payload}`, url: '/exchanges/7' },
      firstMessage: payload,
    })
    await reply(lea, id, `${payload} & co`)

    for (const path of ['/messages', `/messages/${id}`]) {
      const page = await camille.agent.get(path)
      assert.notInclude(page.text, '<script>alert(1)')
      assert.notInclude(page.text, '<img src=x')
      assert.include(page.text, '&lt;script&gt;alert(1)&lt;/script&gt;')
    }
    const fragment = await camille.agent.get(`/messages/${id}/since?after=0`)
    assert.notInclude(fragment.text, '<script>alert(1)')
    assert.include(fragment.text, '&lt;img src=x onerror=&quot;alert(2)&quot;&gt;')

    await assert.rejects(
      () =>
        startConversation({
          from: camille.id,
          to: lea.id,
          subject: { type: 'exchange', id: 8, title: 'x', url: 'javascript:alert(1)' },
        }),
      /local path/
    )
  })

  test('a long thread pages back by keyset, the newest page first', async ({ assert }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea('Message 0')
    const base = Date.now() - 60 * 60_000
    await db.table('messages').multiInsert(
      Array.from({ length: 54 }, (_, index) => ({
        conversation_id: conversationId,
        sender_id: index % 2 ? camille.id : lea.id,
        body: `Message ${index + 1}`,
        created_at: new Date(base + index * 1000),
      }))
    )
    const newest = await lea.agent.get(`/messages/${conversationId}`)
    assert.include(newest.text, 'Message 54')
    assert.include(newest.text, 'Message 5<')
    assert.notInclude(newest.text, 'Message 4<')
    const older = newest.text.match(/href="(\/messages\/\d+\?before=\d+)"/)
    assert.isNotNull(older)
    const page = await lea.agent.get(older![1].replace('&amp;', '&'))
    assert.equal(page.status, 200)
    for (const n of [0, 1, 2, 3, 4]) assert.include(page.text, `Message ${n}<`)
    assert.notInclude(page.text, 'Message 5<')
    assert.notMatch(page.text, /\?before=/)
    assert.include(page.text, 'Messages les plus récents')
    assert.equal((await lea.agent.get(`/messages/${conversationId}?before=abc`)).status, 404)
  })

  test('sending is rate limited per resident', async ({ assert }) => {
    const { lea, conversationId } = await camilleWritesToLea()
    await lea.agent.get(`/messages/${conversationId}`)
    for (let index = 1; index <= 30; index++) {
      const response = await lea.agent.submit(`/messages/${conversationId}`, {
        message_body: `Réponse ${index}`,
      })
      assert.equal(response.status, 302, `message ${index}`)
    }
    const refused = await lea.agent.submit(`/messages/${conversationId}`, {
      message_body: 'Encore une',
    })
    assert.equal(refused.status, 429)
    assert.include(refused.text, 'minute')
    assert.equal(await messageCount(conversationId), 31)
  })
})
