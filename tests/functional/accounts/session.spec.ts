import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DEMO_PASSWORD, demoResidents } from '#modules/accounts/index'
import { Agent } from '#tests/helpers/agent'
import { PASSWORD, createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

test.group('Login and logout', (group) => {
  freshStateForEachTest(group)

  test('signs in with a new session id and returns to the page asked for', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()

    const guarded = await agent.get('/profile/security')
    assert.equal(guarded.status, 302)
    assert.equal(guarded.location, '/login')

    await agent.get('/login')
    const sessionBefore = agent.cookies.get('quartier-session')
    assert.isDefined(sessionBefore)

    const response = await agent.submit('/login', {
      email: 'Camille@Example.org',
      password: PASSWORD,
    })
    assert.equal(response.status, 302)
    assert.equal(response.location, '/profile/security')
    assert.notEqual(agent.cookies.get('quartier-session'), sessionBefore)

    const page = await agent.get('/profile/security')
    assert.equal(page.status, 200)
  })

  test('refuses a wrong password or an unknown address with the same message', async ({
    assert,
  }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()

    for (const credentials of [
      { email: 'camille@example.org', password: 'pas le bon mot de passe' },
      { email: 'personne@example.org', password: PASSWORD },
    ]) {
      const response = await agent.submit('/login', credentials, { from: '/login' })
      assert.equal(response.status, 400)
      assert.include(response.text, 'Adresse e-mail ou mot de passe incorrect.')
      assert.include(response.text, 'value="' + credentials.email + '"')
    }
    assert.equal((await agent.get('/profile')).status, 302)
  })

  test('refuses an empty or malformed login form with 422', async ({ assert }) => {
    const agent = new Agent()
    const response = await agent.submit('/login', { email: 'pas-une-adresse' }, { from: '/login' })
    assert.equal(response.status, 422)
    assert.include(response.text, 'Indiquez une adresse e-mail valide')
    assert.include(response.text, 'Indiquez votre mot de passe.')
  })

  test('"remember me" stores a hashed token and a cookie that survive the session', async ({
    assert,
  }) => {
    const user = await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await agent.submit(
      '/login',
      { email: 'camille@example.org', password: PASSWORD, remember_me: '1' },
      { from: '/login' }
    )

    const tokens = await db.from('remember_me_tokens').where('tokenable_id', user.id)
    assert.lengthOf(tokens, 1)
    assert.isTrue(agent.cookies.has('remember_web'))

    /** The session cookie is lost (browser closed): the token signs in again. */
    const returning = new Agent()
    returning.cookies.set('remember_web', agent.cookies.get('remember_web')!)
    const page = await returning.get('/profile')
    assert.equal(page.status, 200)
    assert.include(page.text, 'camille@example.org')
  })

  test('logs out and forgets the session', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await signIn(agent, 'camille@example.org')

    const response = await agent.submit('/logout', {}, { from: '/profile' })
    assert.equal(response.status, 302)
    assert.equal(response.location, '/')
    const home = await agent.get('/')
    assert.include(home.text, 'Vous êtes déconnecté.')
    assert.equal((await agent.get('/profile')).status, 302)
  })

  test('allows 25 login attempts per IP in 5 minutes, then answers 429', async ({ assert }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent()
    await agent.get('/login')
    for (let attempt = 1; attempt <= 25; attempt++) {
      const response = await agent.submit('/login', {
        email: 'camille@example.org',
        password: 'mauvais mot de passe',
      })
      assert.equal(response.status, 400, `attempt ${attempt}`)
    }
    const blocked = await agent.submit('/login', {
      email: 'camille@example.org',
      password: PASSWORD,
    })
    assert.equal(blocked.status, 429)
    assert.include(blocked.text, 'Réessayez dans 5 minutes.')
    assert.equal((await agent.get('/profile')).status, 302)
  })

  test('the 429 page is translated too', async ({ assert }) => {
    const agent = new Agent('en')
    await agent.get('/login')
    for (let attempt = 1; attempt <= 25; attempt++) {
      await agent.submit('/login', { email: 'x@example.org', password: 'mauvais mot de passe' })
    }
    const blocked = await agent.submit('/login', { email: 'x@example.org', password: 'whatever' })
    assert.equal(blocked.status, 429)
    assert.include(blocked.text, 'Too many attempts in a short time. Try again in 5 minutes.')
  })

  test('the demo residents seeded by npm start can log in with the documented password', async ({
    assert,
  }) => {
    await demoResidents.create(DateTime.now())
    await demoResidents.create(DateTime.now())
    const agent = new Agent()
    const response = await agent.submit(
      '/login',
      { email: 'camille@demo.quartier.localhost', password: DEMO_PASSWORD },
      { from: '/login' }
    )
    assert.equal(response.status, 302)
    assert.include((await agent.get('/profile')).text, 'Camille Martin')
  })
})
