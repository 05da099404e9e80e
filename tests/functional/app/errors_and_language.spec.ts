import { test } from '@japa/runner'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

test.group('Error pages and language', (group) => {
  freshStateForEachTest(group)

  test('a missing page answers 404 with a page in the visitor language', async ({ assert }) => {
    const french = await new Agent('fr').get('/nulle-part')
    assert.equal(french.status, 404)
    assert.include(french.text, '<html lang="fr">')
    assert.include(french.text, 'Page introuvable')

    const english = await new Agent('en-US,en;q=0.8').get('/nowhere')
    assert.equal(english.status, 404)
    assert.include(english.text, '<html lang="en">')
    assert.include(english.text, 'Page not found')
  })

  test("what does not exist, or is not the viewer's, gets the site's 404 page", async ({
    assert,
  }) => {
    await createResident({ email: 'camille@example.org' })
    const agent = new Agent('fr')
    await signIn(agent, 'camille@example.org')

    /** A resident id no row has: the whole page, signed in, not a bare line of text. */
    const page = await agent.get('/residents/999999999')
    assert.equal(page.status, 404)
    assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    assert.include(page.text, '<html lang="fr">')
    assert.include(page.text, 'Page introuvable')
    assert.match(page.text, /Retour à l(&#39;|&#x27;|')accueil/)
    assert.include(page.text, 'action="/logout"')

    /** An id beyond what a bigint holds is the same 404, not a database error. */
    assert.equal((await agent.get('/residents/99999999999999999999')).status, 404)

    const json = await agent.get('/residents/999999999', { accept: 'application/json' })
    assert.equal(json.status, 404)
    assert.deepEqual(JSON.parse(json.text), { message: 'Page introuvable' })
  })

  test('a language the site does not speak falls back to French', async ({ assert }) => {
    const page = await new Agent('de-DE,de;q=0.9').get('/')
    assert.include(page.text, '<html lang="fr">')
  })

  test('JSON clients get JSON errors', async ({ assert }) => {
    const agent = new Agent()
    const response = await agent.get('/nowhere', { accept: 'application/json' })
    assert.equal(response.status, 404)
    assert.match(response.headers.get('content-type') ?? '', /json/)
  })

  test('the language switcher remembers the choice for guests', async ({ assert }) => {
    const agent = new Agent('fr')
    await agent.get('/')
    const response = await agent.submit('/locale', { locale: 'en' }, { from: '/login' })
    assert.equal(response.status, 302)
    const page = await agent.get('/login')
    assert.include(page.text, '<html lang="en">')
    assert.include(page.text, 'Log in')
  })

  test("the language switcher saves a signed-in resident's choice on the account", async ({
    assert,
  }) => {
    const user = await createResident({ email: 'camille@example.org' })
    const agent = new Agent('fr')
    await signIn(agent, 'camille@example.org')
    await agent.submit('/locale', { locale: 'en' }, { from: '/profile' })
    await user.refresh()
    assert.equal(user.locale, 'en')

    /** Another browser, French by default, follows the account's choice once signed in. */
    const other = new Agent('fr')
    await signIn(other, 'camille@example.org')
    assert.include((await other.get('/profile')).text, '<html lang="en">')
  })

  test('an unknown language is refused without changing anything', async ({ assert }) => {
    const agent = new Agent('fr')
    const response = await agent.submit('/locale', { locale: 'xx' }, { from: '/' })
    assert.oneOf(response.status, [302, 422])
    assert.include((await agent.get('/')).text, '<html lang="fr">')
  })

  test('the CSRF refusal is translated', async ({ assert }) => {
    const agent = new Agent('en')
    await agent.get('/login')
    const response = await agent.submit(
      '/login',
      { email: 'a@example.org', password: 'x' },
      { csrf: false }
    )
    assert.equal(response.status, 403)
    assert.include(response.text, 'This form has expired or does not come from this site.')
  })

  test('pages carry a strict Content-Security-Policy with a nonce', async ({ assert }) => {
    const response = await new Agent().get('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self' 'nonce-[\w-]+'/)
    assert.notInclude(csp, 'unsafe-eval')
    assert.include(csp, "frame-ancestors 'none'")
    assert.equal(response.headers.get('x-frame-options'), 'DENY')
  })

  test('health endpoints answer', async ({ assert }) => {
    const agent = new Agent()
    assert.equal((await agent.get('/health')).status, 200)
    const ready = await agent.get('/health/ready')
    assert.equal(ready.status, 200)
    assert.include(ready.text, '"database":"ok"')
  })
})
