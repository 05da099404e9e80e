import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#modules/accounts/models/user'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'

async function signUp(agent: Agent, email = 'jeanne@example.org') {
  await agent.submit(
    '/signup',
    {
      display_name: 'Jeanne D.',
      email,
      password: 'un jardin partagé',
      home_address: '3 rue de la Paix, 75002 Paris',
      terms: '1',
    },
    { from: '/signup' }
  )
  const mail = await mailbox.waitFor(email)
  return linkIn(mail.text, '/email/confirm/')
}

test.group('E-mail confirmation', (group) => {
  freshStateForEachTest(group)

  test('the mailed link shows a button; pressing it confirms the address once', async ({
    assert,
  }) => {
    const agent = new Agent()
    const link = await signUp(agent)

    const page = await agent.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Confirmez que jeanne@example.org est bien votre adresse.')
    /** Opening the link (a mail scanner would) does not use it up. */
    assert.isNull((await User.findByOrFail('email', 'jeanne@example.org')).emailVerifiedAt)

    const confirmed = await agent.submit(link, {})
    assert.equal(confirmed.status, 302)
    assert.equal(confirmed.location, '/profile')
    assert.isNotNull((await User.findByOrFail('email', 'jeanne@example.org')).emailVerifiedAt)
    assert.include((await agent.get('/profile')).text, 'Merci, votre adresse e-mail est confirmée.')

    const reused = await agent.get(link)
    assert.equal(reused.status, 410)
    assert.include(reused.text, 'Ce lien n&#x27;est plus valable')
  })

  test('works from another browser (the link is the proof)', async ({ assert }) => {
    const link = await signUp(new Agent())
    const phone = new Agent()
    await phone.get(link)
    const response = await phone.submit(link, {})
    assert.equal(response.status, 302)
    assert.isNotNull((await User.findByOrFail('email', 'jeanne@example.org')).emailVerifiedAt)
  })

  test('an expired link is refused', async ({ assert }) => {
    const agent = new Agent()
    const link = await signUp(agent)
    await db
      .from('account_tokens')
      .update({ expires_at: DateTime.now().minus({ minutes: 1 }).toSQL() })

    assert.equal((await agent.get(link)).status, 410)
    await agent.get('/profile')
    const response = await agent.submit(link, {})
    assert.equal(response.status, 410)
    assert.isNull((await User.findByOrFail('email', 'jeanne@example.org')).emailVerifiedAt)
  })

  test('a made-up token is refused', async ({ assert }) => {
    const agent = new Agent()
    const response = await agent.get('/email/confirm/' + 'a'.repeat(43))
    assert.equal(response.status, 410)
  })

  test('sending the link again voids the previous one', async ({ assert }) => {
    const agent = new Agent()
    const first = await signUp(agent)
    mailbox.clear()

    const resend = await agent.submit('/email/confirmation/resend', {}, { from: '/profile' })
    assert.equal(resend.status, 302)
    const second = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/email/confirm/')
    assert.notEqual(first, second)

    assert.equal((await agent.get(first)).status, 410)
    assert.equal((await agent.get(second)).status, 200)
  })
})
