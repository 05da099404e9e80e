import { test } from '@japa/runner'
import User from '#modules/accounts/models/user'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { PASSWORD, createResident, signIn, signedInResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const signedIn = (email = 'camille@example.org') => signedInResident(email)

test.group('Profile', (group) => {
  freshStateForEachTest(group)

  test('is only for signed-in residents', async ({ assert }) => {
    const response = await new Agent().get('/profile')
    assert.equal(response.status, 302)
    assert.equal(response.location, '/login')
  })

  test('saves the display name and language', async ({ assert }) => {
    const { user, agent } = await signedIn()
    const response = await agent.submit(
      '/profile',
      { display_name: 'Camille M.', locale: 'en' },
      { from: '/profile' }
    )
    assert.equal(response.status, 302)
    await user.refresh()
    assert.equal(user.displayName, 'Camille M.')
    assert.equal(user.locale, 'en')

    const page = await agent.get('/profile')
    assert.include(page.text, '<html lang="en">')
    assert.include(page.text, 'Your profile is saved.')
  })

  test('shows the home address with the way to move, not as a free field', async ({ assert }) => {
    const { agent } = await signedIn()
    const page = await agent.get('/profile')
    assert.include(page.text, '10 rue des Lilas, 75020 Paris')
    assert.include(page.text, 'href="/home/place"')
    assert.notInclude(page.text, 'name="home_address"')
  })

  test('refuses invalid values and changes nothing', async ({ assert }) => {
    const { user, agent } = await signedIn()
    const response = await agent.submit(
      '/profile',
      { display_name: '', locale: 'de' },
      { from: '/profile' }
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'Indiquez votre nom affiché.')
    assert.include(response.text, 'Choisissez une valeur proposée pour le champ langue.')
    const fresh = await User.findOrFail(user.id)
    assert.equal(fresh.displayName, user.displayName)
    assert.equal(fresh.locale, 'fr')
  })
})

test.group('Sign-in e-mail and password', (group) => {
  freshStateForEachTest(group)

  test('changing the e-mail asks for the password, then a link to the new address', async ({
    assert,
  }) => {
    const { user, agent } = await signedIn()

    const wrong = await agent.submit(
      '/profile/security/email',
      { new_email: 'camille@nouveau.example', current_password: 'pas le bon' },
      { from: '/profile/security' }
    )
    assert.equal(wrong.status, 422)
    assert.include(wrong.text, 'Ce n&#x27;est pas votre mot de passe actuel.')
    assert.lengthOf(mailbox.messages, 0)

    const asked = await agent.submit(
      '/profile/security/email',
      { new_email: 'Camille@Nouveau.example', current_password: PASSWORD },
      { from: '/profile/security' }
    )
    assert.equal(asked.status, 302)
    await user.refresh()
    assert.equal(user.email, 'camille@example.org')

    const notice = await mailbox.waitFor('camille@example.org')
    assert.include(notice.text, 'camille@nouveau.example')
    const link = linkIn((await mailbox.waitFor('camille@nouveau.example')).text, '/email/confirm/')
    await agent.get(link)
    await agent.submit(link, {})
    await user.refresh()
    assert.equal(user.email, 'camille@nouveau.example')
    assert.isNotNull(user.emailVerifiedAt)
  })

  test('refuses an e-mail that belongs to another account', async ({ assert }) => {
    await createResident({ email: 'karim@example.org' })
    const { agent } = await signedIn()
    const response = await agent.submit(
      '/profile/security/email',
      { new_email: 'karim@example.org', current_password: PASSWORD },
      { from: '/profile/security' }
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'Un compte existe déjà avec cette adresse e-mail.')
  })

  test('changing the password asks for the current one and signs out other devices', async ({
    assert,
  }) => {
    const { user, agent } = await signedIn()
    const phone = new Agent()
    await signIn(phone, 'camille@example.org')

    const wrong = await agent.submit(
      '/profile/security/password',
      { old_password: 'pas le bon', new_password: 'trois pommes de reinette' },
      { from: '/profile/security' }
    )
    assert.equal(wrong.status, 422)
    assert.include(wrong.text, 'Ce n&#x27;est pas votre mot de passe actuel.')

    const weak = await agent.submit(
      '/profile/security/password',
      { old_password: PASSWORD, new_password: 'aaaaaaaaaaaa' },
      { from: '/profile/security' }
    )
    assert.equal(weak.status, 422)
    await user.refresh()
    assert.isTrue(await user.verifyPassword(PASSWORD))

    const changed = await agent.submit(
      '/profile/security/password',
      { old_password: PASSWORD, new_password: 'trois pommes de reinette' },
      { from: '/profile/security' }
    )
    assert.equal(changed.status, 302)
    await user.refresh()
    assert.isTrue(await user.verifyPassword('trois pommes de reinette'))

    assert.equal((await agent.get('/profile/security')).status, 200)
    const phonePage = await phone.get('/profile')
    assert.equal(phonePage.status, 302)
    assert.equal(phonePage.location, '/login')
  })

  test('"sign out my other devices" ends them, this one and its remember-me stay', async ({
    assert,
  }) => {
    const user = await createResident({ email: 'camille@example.org' })
    const laptop = new Agent()
    await laptop.submit(
      '/login',
      { email: 'camille@example.org', password: PASSWORD, remember_me: '1' },
      { from: '/login' }
    )
    const phone = new Agent()
    await phone.submit(
      '/login',
      { email: 'camille@example.org', password: PASSWORD, remember_me: '1' },
      { from: '/login' }
    )
    const stolenRememberCookie = phone.cookies.get('remember_web')!

    const response = await laptop.submit(
      '/profile/security/sessions',
      {},
      { from: '/profile/security' }
    )
    assert.equal(response.status, 302)
    assert.equal((await laptop.get('/profile')).status, 200)

    const phonePage = await phone.get('/profile')
    assert.equal(phonePage.status, 302)
    assert.equal(phonePage.location, '/login')
    const login = await phone.get('/login')
    assert.include(login.text, 'Vous avez été déconnecté de cet appareil depuis un autre.')

    /** The phone's remember-me token no longer signs anyone in. */
    const thief = new Agent()
    thief.cookies.set('remember_web', stolenRememberCookie)
    assert.equal((await thief.get('/profile')).status, 302)

    /** The laptop keeps a working remember-me token. */
    const laptopReturning = new Agent()
    laptopReturning.cookies.set('remember_web', laptop.cookies.get('remember_web')!)
    assert.equal((await laptopReturning.get('/profile')).status, 200)
    await user.refresh()
    assert.equal(user.sessionEpoch, 1)
  })
})
