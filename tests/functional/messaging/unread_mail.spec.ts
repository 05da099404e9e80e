import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MailUnreadMessages from '#modules/messaging/actions/mail_unread_messages'
import { sendMessage, startConversation } from '#modules/messaging/index'
import { verifiedResident } from '#tests/helpers/community'
import { linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import { camilleWritesToLea, reply } from './support.js'

/** Makes every message look `minutes` older than it is. */
async function ageMessages(minutes: number) {
  await db.rawQuery(`UPDATE messages SET created_at = created_at - make_interval(mins => ?)`, [
    minutes,
  ])
}

async function ageLastMail(minutes: number) {
  await db.rawQuery(
    `UPDATE conversation_participants
        SET last_unread_mail_at = last_unread_mail_at - make_interval(mins => ?)
      WHERE last_unread_mail_at IS NOT NULL`,
    [minutes]
  )
}

function run() {
  return new MailUnreadMessages().execute()
}

/** Lets a mail that should not come have its chance to arrive. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 400))
}

test.group('Messaging: a mail about messages left unread', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('after 15 minutes, one mail with who wrote and a link, without the text', async ({
    assert,
  }) => {
    const { lea, conversationId } = await camilleWritesToLea('Mon digicode est 4521B, sonnez.')

    assert.deepEqual(await run(), { mailed: 0 }, 'not before 15 minutes')
    await ageMessages(14)
    assert.deepEqual(await run(), { mailed: 0 })
    await ageMessages(2)
    assert.deepEqual(await run(), { mailed: 1 })

    const mail = await mailbox.waitFor('lea@example.org')
    assert.equal(mail.subject, 'Camille M. vous a écrit sur Quartier')
    assert.include(mail.text, 'Bonjour Léa Dubois,')
    assert.include(mail.text, 'Camille M. vous a envoyé un message que vous n')
    assert.include(mail.text, 'à propos de « Perceuse à prêter »')
    assert.notInclude(mail.text + mail.html, '4521B')
    assert.notInclude(mail.text + mail.html, 'Camille Martin')
    assert.equal(linkIn(mail.text, '/messages/'), `/messages/${conversationId}`)
    const page = await lea.agent.get(linkIn(mail.text, '/messages/'))
    assert.equal(page.status, 200)
    assert.include(page.text, '4521B')

    /** The same message is never mailed about twice. */
    await ageLastMail(120)
    assert.deepEqual(await run(), { mailed: 0 })
    await settle()
    assert.lengthOf(mailbox.to('lea@example.org'), 1)
  })

  test('at most one mail per conversation an hour, then one about what came since', async ({
    assert,
  }) => {
    const { camille, conversationId } = await camilleWritesToLea()
    await ageMessages(16)
    assert.deepEqual(await run(), { mailed: 1 })
    await mailbox.waitFor('lea@example.org')

    await sendMessage({ conversationId, senderId: camille.id, body: 'Vous avez vu ?' })
    await sendMessage({ conversationId, senderId: camille.id, body: 'Je repasse demain.' })
    await ageMessages(16)
    assert.deepEqual(await run(), { mailed: 0 }, 'within the hour')
    await ageLastMail(59)
    assert.deepEqual(await run(), { mailed: 0 }, 'still within the hour')
    await ageLastMail(2)
    assert.deepEqual(await run(), { mailed: 1 })
    /** Counting every message still unread there, the first one included. */
    const second = await mailbox.waitFor('lea@example.org', (mail) =>
      mail.text.includes('3 messages')
    )
    assert.include(second.text, 'Camille M. vous a envoyé 3 messages que vous n')
    await settle()
    assert.lengthOf(mailbox.to('lea@example.org'), 2)
    assert.lengthOf(mailbox.to('camille@example.org'), 0)
  })

  test('no mail about a message read in time, nor from a blocked resident', async ({ assert }) => {
    const { lea, conversationId } = await camilleWritesToLea()
    await lea.agent.get(`/messages/${conversationId}`)
    await ageMessages(16)
    assert.deepEqual(await run(), { mailed: 0 })

    await reply(lea, conversationId, 'Oui, samedi 10 h.')
    await lea.agent.submit(
      `/messages/${conversationId}/block`,
      {},
      { from: `/messages/${conversationId}` }
    )
    await ageMessages(16)
    /** Léa answered, then blocked Camille: no mail about a conversation now closed. */
    assert.deepEqual(await run(), { mailed: 0 })
    await settle()
    assert.lengthOf(mailbox.messages, 0)
  })

  test('an English recipient gets the mail in English', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const tom = await verifiedResident('tom@example.org', {
      displayName: 'Tom Baker',
      locale: 'en',
    })
    await startConversation({ from: camille.id, to: tom.id, firstMessage: 'My door code is 4521B' })
    await ageMessages(16)
    assert.deepEqual(await run(), { mailed: 1 })
    const mail = await mailbox.waitFor('tom@example.org')
    assert.equal(mail.subject, 'Camille M. wrote to you on Quartier')
    assert.include(mail.text, 'Camille M. sent you a message you have not read yet.')
    assert.include(mail.text, 'the text of messages is never copied into e-mails')
    assert.notInclude(mail.text, '4521B')
  })
})
