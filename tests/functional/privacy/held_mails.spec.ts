import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import SendQueuedMail from '#app/jobs/send_queued_mail'
import { optOutAddress } from '#app/mail/address_opt_outs'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { PASSWORD } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { person } from '#tests/functional/privacy/support'

const PRIVACY = '/profile/privacy'

/**
 * A queued mail reaching the worker: run now (sync adapter) with the time
 * it was queued, as a job that waited in Redis, out of the erasure's reach.
 */
async function deliverQueued(to: string[], subject: string, queuedAt: Date) {
  await SendQueuedMail.dispatch({
    mailer: 'smtp',
    mail: {
      message: { from: 'bonjour@quartier.localhost', to, subject, text: `${subject}.` },
      views: {},
    },
    queuedAt: queuedAt.getTime(),
  }).with('sync')
}

/** Mails are read off the test SMTP server in order: a last one to `control` closes the batch. */
async function receivedBefore(control: string, subject: string) {
  await deliverQueued([control], subject, new Date())
  await mailbox.waitFor(control, (mail) => mail.subject === subject)
  return mailbox.messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`)
}

test.group('Privacy: mails held at the last moment', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a mail queued before an erasure is not sent to the erased address, even outside the PostgreSQL queue', async ({
    assert,
  }) => {
    const anna = await person('Anna')
    const bruno = await person('Bruno')
    const queuedAt = new Date(Date.now() - 60_000)

    const erased = await anna.agent.submit(
      `${PRIVACY}/erase`,
      { password: PASSWORD, confirmation: 'EFFACER' },
      { from: PRIVACY }
    )
    assert.equal(erased.status, 302)
    /** Only a hash of the address is kept, for a day. */
    const [row] = await db.from('erased_mail_addresses').select('address_hash')
    assert.match(row.address_hash, /^[0-9a-f]{64}$/)

    mailbox.clear()
    await deliverQueued([anna.email], 'Un voisin vous a répondu', queuedAt)
    await deliverQueued([anna.email, bruno.email], 'Sortie au parc', queuedAt)
    /** A new account with the same address gets what is queued after the erasure. */
    await deliverQueued([anna.email], 'Bienvenue à nouveau', new Date())

    const received = await receivedBefore(bruno.email, 'Fin')
    assert.deepEqual(received, [
      `${bruno.email}: Sortie au parc`,
      `${anna.email}: Bienvenue à nouveau`,
      `${bruno.email}: Fin`,
    ])
  })

  test('an address that opts out of all mail after a mail was queued does not get it', async ({
    assert,
  }) => {
    const bruno = await person('Bruno')
    const queuedAt = new Date(Date.now() - 60_000)
    await optOutAddress(db.connection(), '  Jeanne@Example.org ')

    mailbox.clear()
    await deliverQueued(['jeanne@example.org'], 'Invitation', queuedAt)
    await deliverQueued(['Jeanne <JEANNE@example.org>'], 'Invitation encore', new Date())
    assert.deepEqual(await receivedBefore(bruno.email, 'Fin'), [`${bruno.email}: Fin`])
  })
})
