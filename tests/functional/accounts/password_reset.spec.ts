import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#modules/accounts/models/user'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { PASSWORD, createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const NEW_PASSWORD = 'trois pommes de reinette'

async function askForReset(agent: Agent, email: string) {
  return agent.submit('/password/forgot', { email }, { from: '/password/forgot' })
}

test.group('Password reset', (group) => {
  freshStateForEachTest(group)

  test('mails a single-use link that sets a new password', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()

    const asked = await askForReset(agent, 'Camille@example.org')
    assert.equal(asked.status, 200)
    assert.include(asked.text, 'Si un compte existe pour camille@example.org')

    const mail = await mailbox.waitFor('camille@example.org')
    assert.equal(mail.subject, 'Choisissez un nouveau mot de passe')
    const link = linkIn(mail.text, '/password/reset/')

    const form = await agent.get(link)
    assert.equal(form.status, 200)
    const reset = await agent.submit(link, { password: NEW_PASSWORD })
    assert.equal(reset.status, 302)
    assert.equal(reset.location, '/login')

    const user = await User.findByOrFail('email', 'camille@example.org')
    assert.isTrue(await user.verifyPassword(NEW_PASSWORD))
    assert.isFalse(await user.verifyPassword(PASSWORD))

    assert.equal((await agent.get(link)).status, 410)
    const login = await agent.submit(
      '/login',
      { email: 'camille@example.org', password: NEW_PASSWORD },
      { from: '/login' }
    )
    assert.equal(login.status, 302)
  })

  test('answers the same for an unknown address, and sends nothing', async ({ assert }) => {
    const agent = new Agent()
    const asked = await askForReset(agent, 'personne@example.org')
    assert.equal(asked.status, 200)
    assert.include(asked.text, 'Si un compte existe pour personne@example.org')
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.messages, 0)
  })

  test('refuses a weak new password and keeps the old one', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await askForReset(agent, 'camille@example.org')
    const link = linkIn((await mailbox.waitFor('camille@example.org')).text, '/password/reset/')

    await agent.get(link)
    const response = await agent.submit(link, { password: '1234567890' })
    assert.equal(response.status, 422)
    assert.include(response.text, 'Ce mot de passe est trop facile à deviner.')
    const user = await User.findByOrFail('email', 'camille@example.org')
    assert.isTrue(await user.verifyPassword(PASSWORD))
    /** The link still works for a better password. */
    assert.equal((await agent.get(link)).status, 200)
  })

  test('an expired link is refused', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await askForReset(agent, 'camille@example.org')
    const link = linkIn((await mailbox.waitFor('camille@example.org')).text, '/password/reset/')
    await db
      .from('account_tokens')
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })

    assert.equal((await agent.get(link)).status, 410)
    const response = await agent.submit(link, { password: NEW_PASSWORD })
    assert.equal(response.status, 410)
    assert.isTrue(
      await (await User.findByOrFail('email', 'camille@example.org')).verifyPassword(PASSWORD)
    )
  })

  test('signs out the sessions opened with the old password', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const laptop = new Agent()
    await signIn(laptop, 'camille@example.org')
    assert.equal((await laptop.get('/profile')).status, 200)

    const agent = new Agent()
    await askForReset(agent, 'camille@example.org')
    const link = linkIn((await mailbox.waitFor('camille@example.org')).text, '/password/reset/')
    await agent.get(link)
    await agent.submit(link, { password: NEW_PASSWORD })

    const after = await laptop.get('/profile')
    assert.equal(after.status, 302)
    assert.equal(after.location, '/login')
  })

  test('allows 5 requests per address in 30 minutes, then answers 429', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await askForReset(new Agent(), 'camille@example.org')
      assert.equal(response.status, 200, `attempt ${attempt}`)
    }
    const blocked = await askForReset(new Agent(), 'CAMILLE@example.org')
    assert.equal(blocked.status, 429)
    /** Another address is still served. */
    const other = await askForReset(new Agent(), 'karim@example.org')
    assert.equal(other.status, 200)
  })
})
