import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { addressHash, optOutAddress } from '#app/mail/address_opt_outs'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const JEANNE = 'jeanne.d@example.org'

async function optedOut(address: string): Promise<boolean> {
  const row = await db.from('mail_opt_outs').where('address_hash', addressHash(address)).first()
  return Boolean(row)
}

/** A password-reset mail to another address, asked after: once it has arrived, earlier ones would have too. */
async function mailsBeforeControl(): Promise<string[]> {
  await createResident({ email: 'temoin@example.org' })
  await new Agent('fr').submit(
    '/password/forgot',
    { email: 'temoin@example.org' },
    { from: '/password/forgot' }
  )
  await mailbox.waitFor('temoin@example.org')
  return mailbox.messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`)
}

test.group('Mail again after an address opt-out', (group) => {
  freshStateForEachTest(group)

  test('signing up with an opted-out address says so; the owner asks for one link, follows it, and the confirmation leaves', async ({
    assert,
  }) => {
    await optOutAddress(db.connection(), JEANNE)
    const agent = new Agent('fr')
    const signedUp = await agent.submit(
      '/signup',
      {
        display_name: 'Jeanne D.',
        email: JEANNE,
        password: 'un jardin partagé',
        home_address: '3 rue de la Paix, 75002 Paris',
        terms: '1',
      },
      { from: '/signup' }
    )
    assert.equal(signedUp.status, 302)
    let next = await agent.get(signedUp.location!)
    while (next.status === 302) next = await agent.get(next.location!)
    assert.include(next.text, 'aucun lien de confirmation')

    /** "Send the link again" explains instead of pretending a link left. */
    const resend = await agent.submit('/email/confirmation/resend', {}, { from: '/profile' })
    assert.equal(resend.location, '/email/opt-in')
    const page = await agent.get('/email/opt-in')
    assert.equal(page.status, 200)
    assert.include(page.text, 'a demandé que Quartier ne lui écrive plus')
    assert.deepEqual(await mailsBeforeControl(), [
      'temoin@example.org: Choisissez un nouveau mot de passe',
    ])

    /** One mail, on request, although the address is still opted out. */
    mailbox.clear()
    const asked = await agent.submit('/email/opt-in', {}, { from: '/email/opt-in' })
    assert.equal(asked.status, 302)
    const mail = await mailbox.waitFor(JEANNE)
    assert.equal(mail.subject, 'Recevoir à nouveau les e-mails de Quartier')
    assert.isTrue(await optedOut(JEANNE))

    /** Opening the link (a mail scanner would) changes nothing; the button does, once. */
    const link = linkIn(mail.text, '/email/opt-in/')
    const guest = new Agent('fr')
    assert.equal((await guest.get(link)).status, 200)
    assert.isTrue(await optedOut(JEANNE))
    const accepted = await guest.submit(link, {}, { from: link })
    assert.equal(accepted.status, 302)
    assert.equal(accepted.location, '/login')
    assert.isFalse(await optedOut(JEANNE))
    const confirmation = await mailbox.waitFor(JEANNE, (m) => m.subject.startsWith('Confirmez'))
    assert.include(confirmation.text, '/email/confirm/')
    assert.equal((await guest.submit(link, {}, { from: link })).status, 410)
  })

  test('nothing to do for an address Quartier may write to; a tampered link lifts nothing', async ({
    assert,
  }) => {
    const user = await createResident({ email: 'karim@example.org' })
    const agent = new Agent('fr')
    await signIn(agent, user.email)
    const page = await agent.get('/email/opt-in')
    assert.equal(page.status, 302)
    assert.equal(page.location, '/profile')
    assert.equal((await agent.submit('/email/opt-in', {}, { from: '/profile' })).status, 302)
    await optOutAddress(db.connection(), 'karim@example.org')
    assert.deepEqual(await mailsBeforeControl(), [
      'temoin@example.org: Choisissez un nouveau mot de passe',
    ])

    const tampered = '/email/opt-in/' + 'x'.repeat(43)
    const guest = new Agent('fr')
    assert.equal((await guest.get(tampered)).status, 410)
    assert.equal((await guest.submit(tampered, {}, { from: '/' })).status, 410)
    assert.isTrue(await optedOut('karim@example.org'))
    assert.lengthOf(mailbox.to('karim@example.org'), 0)
  })

  test('a few requests a day per account, then 429 and no mail', async ({ assert }) => {
    const user = await createResident({ email: 'lina@example.org' })
    await optOutAddress(db.connection(), user.email)
    const agent = new Agent('fr')
    await signIn(agent, user.email)
    for (let attempt = 0; attempt < 3; attempt++) {
      assert.equal((await agent.submit('/email/opt-in', {}, { from: '/email/opt-in' })).status, 302)
    }
    const refused = await agent.submit('/email/opt-in', {}, { from: '/email/opt-in' })
    assert.equal(refused.status, 429)
    await mailsBeforeControl()
    assert.lengthOf(mailbox.to(user.email), 3)
  })
})
