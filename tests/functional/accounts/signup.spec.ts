import { test } from '@japa/runner'
import User from '#modules/accounts/models/user'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const valid = {
  display_name: 'Jeanne D.',
  email: 'Jeanne.D@Example.org',
  password: 'un jardin partagé',
  home_address: '3 rue de la Paix, 75002 Paris',
  terms: '1',
}

async function userCount() {
  const row = await User.query().count('* as total').firstOrFail()
  return Number(row.$extras.total)
}

test.group('Sign-up', (group) => {
  freshStateForEachTest(group)

  test('creates the account, signs the resident in and mails a confirmation link', async ({
    assert,
  }) => {
    const agent = new Agent()
    const response = await agent.submit('/signup', valid, { from: '/signup' })

    assert.equal(response.status, 302)
    assert.equal(response.location, '/home')

    const user = await User.findByOrFail('email', 'jeanne.d@example.org')
    assert.equal(user.displayName, 'Jeanne D.')
    assert.equal(user.locale, 'fr')
    assert.isNull(user.emailVerifiedAt)
    assert.notEqual(user.password, valid.password)
    assert.isTrue(await user.verifyPassword(valid.password))

    const profile = await agent.get('/profile')
    assert.equal(profile.status, 200)
    assert.include(profile.text, 'jeanne.d@example.org')

    const mail = await mailbox.waitFor('jeanne.d@example.org')
    assert.equal(mail.subject, 'Confirmez votre adresse e-mail')
    assert.match(linkIn(mail.text, '/email/confirm/'), /^\/email\/confirm\/[\w-]{40,}$/)
  })

  test('records the language the resident signed up in', async ({ assert }) => {
    const agent = new Agent('en')
    await agent.submit('/signup', valid, { from: '/signup' })
    const user = await User.findByOrFail('email', 'jeanne.d@example.org')
    assert.equal(user.locale, 'en')
    const mail = await mailbox.waitFor('jeanne.d@example.org')
    assert.equal(mail.subject, 'Confirm your e-mail address')
  })

  test('refuses {name} with a translated message and writes nothing')
    .with([
      {
        name: 'an empty form',
        fields: {},
        field: 'display_name',
        message: 'Indiquez votre nom affiché.',
      },
      {
        name: 'a name too long',
        fields: { ...valid, display_name: 'x'.repeat(61) },
        field: 'display_name',
        message: 'Le champ nom affiché doit faire au plus 60 caractères.',
      },
      {
        name: 'a malformed e-mail',
        fields: { ...valid, email: 'jeanne@@example' },
        field: 'email',
        message: 'Indiquez une adresse e-mail valide',
      },
      {
        name: 'a short password',
        fields: { ...valid, password: 'court' },
        field: 'password',
        message: 'Choisissez un mot de passe d&#x27;au moins 10 caractères.',
      },
      {
        name: 'a common password',
        fields: { ...valid, password: 'azerty1234' },
        field: 'password',
        message: 'Ce mot de passe est trop facile à deviner.',
      },
      {
        name: 'an address too long',
        fields: { ...valid, home_address: 'rue '.repeat(60) },
        field: 'home_address',
        message: 'Le champ adresse doit faire au plus 200 caractères.',
      },
      {
        name: 'the rules not accepted',
        fields: { ...valid, terms: undefined },
        field: 'terms',
        message: 'Acceptez les règles du site pour continuer.',
      },
    ])
    .run(async ({ assert }, row) => {
      const agent = new Agent()
      const response = await agent.submit('/signup', row.fields, { from: '/signup' })

      assert.equal(response.status, 422)
      assert.include(response.text, 'Il y a un problème')
      assert.include(response.text, row.message)
      assert.include(response.text, `id="field-${row.field}"`)
      assert.equal(await userCount(), 0)
      assert.lengthOf(mailbox.messages, 0)
    })

  test('keeps what was typed (but never the password) when a field is wrong', async ({
    assert,
  }) => {
    const agent = new Agent()
    const response = await agent.submit(
      '/signup',
      { ...valid, password: 'court' },
      { from: '/signup' }
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'value="Jeanne D."')
    assert.include(response.text, 'value="3 rue de la Paix, 75002 Paris"')
    assert.notInclude(response.text, 'court')
  })

  test('answers in English to an English browser', async ({ assert }) => {
    const agent = new Agent('en')
    const response = await agent.submit('/signup', { ...valid, email: 'nope' }, { from: '/signup' })
    assert.equal(response.status, 422)
    assert.include(response.text, 'There is a problem')
    assert.include(response.text, 'Enter a valid e-mail address')
  })

  test('refuses an address that already has an account, whatever its case', async ({ assert }) => {
    await createResident({ email: 'jeanne.d@example.org' })
    const agent = new Agent()
    const response = await agent.submit('/signup', valid, { from: '/signup' })

    assert.equal(response.status, 422)
    assert.include(response.text, 'Un compte existe déjà avec cette adresse e-mail.')
    assert.equal(await userCount(), 1)
  })

  test('refuses a form without its CSRF token', async ({ assert }) => {
    const agent = new Agent()
    await agent.get('/signup')
    const response = await agent.submit('/signup', valid, { csrf: false })

    assert.equal(response.status, 403)
    assert.include(response.text, 'Le formulaire a expiré ou ne vient pas de ce site.')
    assert.equal(await userCount(), 0)
  })

  test('refuses a form with a CSRF token from another session', async ({ assert }) => {
    const other = new Agent()
    await other.get('/signup')
    const agent = new Agent()
    await agent.get('/signup')
    agent.lastPage = other.lastPage
    const response = await agent.submit('/signup', valid)

    assert.equal(response.status, 403)
    assert.equal(await userCount(), 0)
  })

  test('allows 5 sign-ups per IP every 30 minutes, then answers 429 with a readable page', async ({
    assert,
  }) => {
    const agent = new Agent()
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await agent.submit(
        '/signup',
        { ...valid, email: `voisin${attempt}@example.org` },
        { from: '/signup' }
      )
      assert.equal(response.status, 302, `attempt ${attempt}`)
      await agent.submit('/logout', {}, { from: '/profile' })
    }

    const blocked = await agent.submit(
      '/signup',
      { ...valid, email: 'voisin6@example.org' },
      { from: '/signup' }
    )
    assert.equal(blocked.status, 429)
    assert.include(blocked.text, 'Trop de tentatives en peu de temps.')
    assert.isAbove(Number(blocked.headers.get('retry-after')), 0)
    assert.equal(await userCount(), 5)
  })

  test('a signed-in resident is sent from the sign-up page to their neighbourhood', async ({
    assert,
  }) => {
    const agent = new Agent()
    await agent.submit('/signup', valid, { from: '/signup' })
    const response = await agent.get('/signup')
    assert.equal(response.status, 302)
    assert.equal(response.location, '/home')
  })
})
