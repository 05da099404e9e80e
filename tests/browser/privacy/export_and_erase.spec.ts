import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import { liveSettled, signIn, watchErrors } from '#tests/helpers/browser'
import { personBrowser } from '#tests/helpers/browser_people'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { PASSWORD } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const TITLE = 'Escabeau trois marches à prêter'

test.group('Privacy in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident downloads their data, erases their account, cannot sign in again; their open loan is closed for the neighbour, signed "former resident"', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    const anna = await verifiedResident('anna.privacy@example.org', {
      displayName: 'Anna Schmitt',
    })
    const bruno = await verifiedResident('bruno.privacy@example.org', {
      displayName: 'Bruno Petit',
    })
    assert.equal(anna.neighbourhoodId, bruno.neighbourhoodId)
    const errors: string[] = []

    /** Anna lends a stepladder. */
    const page = await browserContext.newPage()
    watchErrors(page, errors)
    await signIn(page, anna.email)
    await page.goto('/exchanges/new')
    await page.getByRole('link', { name: 'Je prête un objet' }).click()
    await page.getByLabel('Titre').fill(TITLE)
    await page
      .getByLabel('Description')
      .fill('Escabeau en aluminium, léger et stable, pour repeindre un plafond.')
    await page.getByLabel('Catégorie').selectOption('tools')
    await liveSettled(page)
    await page.getByRole('button', { name: "Publier l'annonce" }).click()
    await page.getByRole('heading', { name: TITLE }).waitFor()
    const path = new URL(page.url()).pathname
    assert.match(path, /^\/exchanges\/\d+$/)
    await liveSettled(page)

    /** Her data page: the JSON download holds her e-mail and her exchange, nothing of Bruno. */
    await page.goto('/profile/privacy')
    await page.getByRole('heading', { name: 'Mes données', level: 1 }).waitFor()
    await liveSettled(page)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger mes données' }).click(),
    ])
    assert.match(download.suggestedFilename(), /^quartier-export-\d{4}-\d{2}-\d{2}\.json$/)
    const text = await readFile((await download.path())!, 'utf8')
    const archive = JSON.parse(text)
    assert.equal(archive.format, 'quartier-export')
    assert.equal(archive.userId, anna.id)
    assert.equal(archive.sections.profile.email, anna.email)
    assert.equal(archive.sections.profile.displayName, 'Anna Schmitt')
    assert.include(
      archive.sections.exchanges.posted.map((exchange: { title: string }) => exchange.title),
      TITLE
    )
    assert.notInclude(text, bruno.email)
    assert.notInclude(text, 'Bruno')

    /** She erases her account: password and the confirmation word. */
    await page.getByLabel('Votre mot de passe').fill(PASSWORD)
    await page.getByLabel('Confirmation').fill('EFFACER')
    await liveSettled(page)
    await page.getByRole('button', { name: 'Effacer définitivement mon compte' }).click()
    await page.waitForURL(/\/goodbye$/)
    await page.getByRole('heading', { name: 'Au revoir' }).waitFor()
    await page
      .getByText("Votre compte est effacé et vous êtes déconnecté. Merci d'avoir aidé vos voisins.")
      .waitFor()
    const row = await db.from('users').where('id', anna.id).firstOrFail()
    assert.notEqual(row.email, anna.email)

    /**
     * The same e-mail and password no longer open anything. The refused
     * login answers 400, which Chromium logs as a failed resource: on its
     * own page, so that only that one line is expected.
     */
    const retry = await page.context().newPage()
    const retryErrors: string[] = []
    watchErrors(retry, retryErrors)
    await retry.goto('/login')
    await retry.getByLabel('Adresse e-mail').fill(anna.email)
    await retry.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
    await retry.getByRole('button', { name: 'Se connecter' }).click()
    await retry.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor()
    assert.match(new URL(retry.url()).pathname, /^\/login/)
    assert.deepEqual(retryErrors, [
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
    assert.equal((await retry.request.get('/profile/privacy', { maxRedirects: 0 })).status(), 302)

    /**
     * Nobody can borrow from someone who left: the stepladder is gone from
     * Bruno's feed; its page says it is closed, signed "former resident".
     */
    const neighbour = await personBrowser(browser, bruno.email, errors, cleanup)
    await neighbour.goto('/feed')
    await neighbour.locator('.feed-filters, #feed-unverified').first().waitFor()
    assert.equal(await neighbour.locator('[data-feed-item]', { hasText: TITLE }).count(), 0)
    await liveSettled(neighbour)
    await neighbour.goto(path)
    await neighbour.locator('#closed').waitFor()
    const author = await neighbour.locator('#exchange-author').innerText()
    assert.include(author, 'Ancien·ne voisin·e')
    assert.notInclude(author, 'Anna')
    assert.equal(await neighbour.locator('#respond-form').count(), 0)
    await liveSettled(neighbour)

    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
