import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { signIn, watchErrors } from '#tests/helpers/browser'

/** The conversation's message list (the live region may repeat a message). */
const thread = (page: Page) =>
  page.getByRole('list', { name: 'Messages, du plus ancien au plus récent' })

test.group('A loan between two neighbours, in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('A lends a drill, B finds it in the feed and asks, they talk, A closes it', async ({
    browser,
    browserContext,
    assert,
    cleanup,
  }) => {
    await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    const errors: string[] = []

    /** A posts a loan offer. */
    const lender = await browserContext.newPage()
    watchErrors(lender, errors)
    await signIn(lender, 'camille@example.org')
    await lender.goto('/exchanges/new')
    await lender.getByRole('link', { name: 'Je prête un objet' }).click()
    await lender.getByLabel('Titre').fill('Perceuse-visseuse à prêter')
    await lender
      .getByLabel('Description')
      .fill('Perceuse sans fil avec deux batteries et un jeu de forets, pour le week-end.')
    await lender.getByLabel('Catégorie').selectOption('tools')
    await lender.getByRole('button', { name: "Publier l'annonce" }).click()
    await lender.getByRole('heading', { name: 'Perceuse-visseuse à prêter' }).waitFor()
    const exchangePath = new URL(lender.url()).pathname
    assert.match(exchangePath, /^\/exchanges\/\d+$/)

    /** B, in another browser, sees it in the feed and asks for it. */
    const otherContext = await browser.newContext({
      baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
      locale: 'fr-FR',
    })
    cleanup(() => otherContext.close())
    const borrower = await otherContext.newPage()
    watchErrors(borrower, errors)
    await signIn(borrower, 'lea@example.org')
    await borrower.goto('/feed')
    const card = borrower.locator('[data-feed-item]', { hasText: 'Perceuse-visseuse à prêter' })
    await card.getByText('Camille M.').waitFor()
    await card.getByRole('link', { name: 'Perceuse-visseuse à prêter' }).click()
    await borrower.waitForURL(`**${exchangePath}`)
    await borrower.getByLabel('Votre message (facultatif)').fill('Bonjour ! Libre samedi matin ?')
    await borrower.getByRole('button', { name: 'Je suis intéressé(e)' }).click()
    await borrower.waitForURL('**/messages/*')
    await thread(borrower).getByText('Bonjour ! Libre samedi matin ?').waitFor()
    await borrower.waitForSelector('html[data-live="subscribed"]')

    /** A answers in the conversation; B sees it arrive without reloading. */
    await lender.goto('/messages')
    await lender
      .getByRole('link', { name: /Perceuse-visseuse à prêter/ })
      .first()
      .click()
    await thread(lender).getByText('Bonjour ! Libre samedi matin ?').waitFor()
    await lender.getByLabel('Votre message à Léa D.').fill('Oui, passez à 10 h !')
    await lender.getByRole('button', { name: 'Envoyer' }).click()
    await thread(lender).getByText('Oui, passez à 10 h !').waitFor()
    await thread(borrower).getByText('Oui, passez à 10 h !').waitFor({ timeout: 5000 })

    /** A agrees with B, then confirms the drill came back: the loan is done. */
    await lender.goto(exchangePath)
    await lender.getByLabel('Conclure avec').selectOption({ label: 'Léa D.' })
    const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    await lender.getByLabel("Date de retour de l'objet").fill(nextWeek)
    await lender.getByRole('button', { name: "Conclure l'échange" }).click()
    await lender.getByText('Échange conclu avec Léa D.').waitFor()
    await lender.getByRole('button', { name: "L'objet m'a été rendu" }).click()
    await lender.getByText('Terminée').first().waitFor()

    const row = await db
      .from('exchanges')
      .where('title', 'Perceuse-visseuse à prêter')
      .firstOrFail()
    assert.equal(row.status, 'done')
    assert.isNotNull(row.returned_at)
    assert.deepEqual(errors, [])
  })
})
