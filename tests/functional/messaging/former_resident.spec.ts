import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MailUnreadMessages from '#modules/messaging/actions/mail_unread_messages'
import {
  RecipientGoneError,
  RecipientUnavailableError,
  sendMessage,
  startConversation,
} from '#modules/messaging/index'
import type { CommunityResident } from '#tests/helpers/community'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { PASSWORD } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { DRILL, camilleWritesToLea, messageCount, reply } from './support.js'

const LEFT_FR =
  'Cette personne a quitté Quartier : vous pouvez toujours relire votre conversation, mais plus y répondre.'
const LEFT_EN =
  'This neighbour has left Quartier: you can still read your conversation but not answer.'

/** The resident erases their account from the privacy page, as they would. */
async function erase(resident: CommunityResident) {
  const response = await resident.agent.submit(
    '/profile/privacy/erase',
    { password: PASSWORD, confirmation: 'EFFACER' },
    { from: '/profile/privacy' }
  )
  if (response.status !== 302) throw new Error(`erasure refused (${response.status})`)
  const row = await db.from('users').where('id', resident.id).firstOrFail()
  if (!row.erased_at) throw new Error('the account was not erased')
}

/** Makes every message look `minutes` older than it is (the unread mail waits 15). */
async function ageMessages(minutes: number) {
  await db.rawQuery(`UPDATE messages SET created_at = created_at - make_interval(mins => ?)`, [
    minutes,
  ])
}

test.group('Messaging: a conversation with a former resident', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the thread stays readable, named "former resident", without a reply form', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await reply(lea, conversationId, 'Oui, elle est libre samedi matin.')
    await erase(lea)

    const thread = await camille.agent.get(`/messages/${conversationId}`)
    assert.equal(thread.status, 200)
    assert.include(thread.text, 'Conversation avec Ancien·ne voisin·e<')
    assert.include(thread.text, 'Bonjour, votre perceuse est-elle libre samedi ?')
    assert.include(thread.text, 'Oui, elle est libre samedi matin.')
    assert.include(thread.text, LEFT_FR)
    assert.notInclude(thread.text, 'name="message_body"')
    assert.notInclude(thread.text, `action="/messages/${conversationId}/block"`)
  })

  test('an English reader sees the label and the line in English', async ({ assert }) => {
    const tom = await verifiedResident('tom@example.org', {
      displayName: 'Tom Baker',
      locale: 'en',
    })
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    const conversationId = await startConversation({
      from: tom.id,
      to: lea.id,
      subject: DRILL,
      firstMessage: 'Hello, is your drill free on Saturday?',
    })
    await erase(lea)

    const thread = await tom.agent.get(`/messages/${conversationId}`)
    assert.equal(thread.status, 200)
    assert.include(thread.text, 'Former resident')
    assert.notInclude(thread.text, 'Ancien·ne voisin·e')
    assert.include(thread.text, LEFT_EN)
    assert.notInclude(thread.text, 'name="message_body"')

    const inbox = await tom.agent.get('/messages')
    assert.include(inbox.text, '>Former resident<')
  })

  test('a reply is refused with the same line (409) and nothing is written', async ({ assert }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await erase(lea)

    const refused = await reply(camille, conversationId, 'Vous êtes toujours là ?')
    assert.equal(refused.status, 409)
    assert.include(refused.text, LEFT_FR)
    assert.include(refused.text, 'Bonjour, votre perceuse est-elle libre samedi ?')
    assert.equal(await messageCount(conversationId), 1)

    /** Other modules writing through the public API are refused too. */
    await assert.rejects(
      () => sendMessage({ conversationId, senderId: camille.id, body: 'Toujours là ?' }),
      RecipientGoneError
    )
    assert.equal(await messageCount(conversationId), 1)
  })

  test('the inbox still lists the conversation under the former resident label', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await reply(lea, conversationId, 'Oui, elle est libre samedi matin.')
    await erase(lea)

    const inbox = await camille.agent.get('/messages')
    assert.equal(inbox.status, 200)
    assert.include(inbox.text, `href="/messages/${conversationId}"`)
    assert.include(inbox.text, '<span class="inbox__name">Ancien·ne voisin·e</span>')
    assert.include(inbox.text, 'Oui, elle est libre samedi matin.')
    assert.notInclude(inbox.text, 'Léa')
  })

  test('nobody starts a conversation with an erased account (404, like an unknown one)', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    await erase(lea)

    await assert.rejects(
      () => startConversation({ from: camille.id, to: lea.id, firstMessage: 'Bonjour ?' }),
      RecipientUnavailableError
    )
    await assert.rejects(
      () =>
        startConversation({ from: camille.id, to: lea.id, subject: DRILL, firstMessage: 'Re ?' }),
      RecipientUnavailableError
    )
    assert.equal(await messageCount(), 1)
    assert.equal(await messageCount(conversationId), 1)
  })

  test('an account erased while its home is still read is refused inside the transaction', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    /** The erasure committing between the home check and the writes (its home not yet gone). */
    await db.from('users').where('id', lea.id).update({ erased_at: new Date() })

    await assert.rejects(
      () => startConversation({ from: camille.id, to: lea.id, firstMessage: 'Bonjour ?' }),
      RecipientUnavailableError
    )
    assert.equal(await messageCount(), 0)
    const conversations = await db.from('conversations').count('* as total').first()
    assert.equal(Number(conversations.total), 0)
  })

  test('no unread-message mail to an erased account; a mail about its last words names it as such', async ({
    assert,
  }) => {
    const { camille, lea, conversationId } = await camilleWritesToLea()
    /** Léa answers, then leaves; neither message was read by the other. */
    await sendMessage({ conversationId, senderId: lea.id, body: 'Oui, samedi matin.' })
    await db
      .from('conversation_participants')
      .where('conversation_id', conversationId)
      .update({ last_read_message_id: 0 })
    await erase(lea)
    mailbox.clear()

    await ageMessages(16)
    assert.deepEqual(await new MailUnreadMessages().execute(), { mailed: 1 })
    const mail = await mailbox.waitFor(camille.email)
    assert.equal(mail.subject, 'Ancien·ne voisin·e vous a écrit sur Quartier')
    await new Promise((resolve) => setTimeout(resolve, 400))
    assert.deepEqual(
      mailbox.messages.map((message) => message.to),
      [[camille.email]]
    )
    const queued = await db.from('queue_jobs').where('queue', 'mail').select('data')
    for (const job of queued) {
      assert.notInclude(job.data, `erased-${lea.id}@invalid`)
      assert.notInclude(job.data, 'lea@example.org')
    }
  })
})
