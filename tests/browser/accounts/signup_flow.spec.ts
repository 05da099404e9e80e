import { test } from '@japa/runner'
import User from '#modules/accounts/models/user'
import { linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'

test.group('A newcomer in a real browser', (group) => {
  freshStateForEachTest(group)

  test('signs up, confirms the e-mail from the mail, logs out and in again', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/')
    const consoleErrors: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400)
        consoleErrors.push(
          `${response.status()} ${response.request().method()} ${response.url()} on ${page.url()} body=${response.request().postData()}`
        )
    })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.assertTextContains('h1', 'Vos voisins ont tout ce qu')
    await page.getByRole('link', { name: 'Rejoindre mon quartier' }).first().click()

    await page.getByLabel('Nom affiché').fill('Jeanne D.')
    await page.getByLabel('Adresse e-mail').fill('jeanne@example.org')
    await page.getByLabel('Mot de passe', { exact: true }).fill('un jardin partagé')
    /** The show/hide button is Alpine running under the strict CSP. */
    await page.getByRole('button', { name: 'Afficher' }).click()
    assert.equal(await page.getAttribute('#field-password', 'type'), 'text')
    await page.getByLabel('Adresse de votre domicile').fill('3 rue de la Paix, 75002 Paris')
    await page.getByLabel("J'accepte").check()
    await page.getByRole('button', { name: 'Créer mon compte' }).click()

    /** Next step: placing the new resident's home. */
    await page.assertPath('/home/place')
    await page.assertTextContains('body', 'Bienvenue dans Quartier !')
    await page.assertTextContains('.banner', 'jeanne@example.org')

    /**
     * Leaving a page while its live-update subscription is in flight makes
     * that request fail (its stream is gone): wait for it on signed-in pages.
     */
    await page.waitForSelector('html[data-live="subscribed"]')
    const mail = await mailbox.waitFor('jeanne@example.org')
    await page.goto(linkIn(mail.text, '/email/confirm/'))
    await page.waitForSelector('html[data-live="subscribed"]')
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
    await page.assertPath('/profile')
    await page.assertTextContains('body', 'Merci, votre adresse e-mail est confirmée.')
    await page.assertNotExists('.banner')
    assert.isNotNull((await User.findByOrFail('email', 'jeanne@example.org')).emailVerifiedAt)

    await page.waitForSelector('html[data-live="subscribed"]')
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.assertPath('/')
    await page.assertTextContains('body', 'Vous êtes déconnecté.')

    await page.getByRole('link', { name: 'Se connecter' }).click()
    await page.getByLabel('Adresse e-mail').fill('jeanne@example.org')
    await page.getByLabel('Mot de passe', { exact: true }).fill('un jardin partagé')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.assertPath('/home/place')
    await page.assertTextContains('body', 'Vous êtes connecté.')
    await page.waitForSelector('html[data-live="subscribed"]')

    /** Nothing was blocked by the Content-Security-Policy, no script failed. */
    assert.deepEqual(consoleErrors, [], consoleErrors.join('\n'))
  })

  test('shows the form errors beside the fields, in English when asked', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/signup')
    await page.getByRole('button', { name: 'EN' }).click()
    await page.assertTextContains('h1', 'Join my neighbourhood')
    await page.getByLabel('E-mail address').fill('not-an-address')
    await page.getByRole('button', { name: 'Create my account' }).click()

    await page.assertTextContains('.error-summary', 'There is a problem')
    await page.assertTextContains('#field-email-error', 'Enter a valid e-mail address')
    assert.equal(await page.getAttribute('#field-email', 'aria-invalid'), 'true')
    await page.assertInputValue('#field-email', 'not-an-address')
  })
})
