import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { liveSettled, signIn, watchErrors } from '#tests/helpers/browser'
import { operatorAccount, personBrowser } from '#tests/helpers/browser_people'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'

const TITLE = 'Scooter à vendre, contactez-moi sur un autre site'
const REASON = 'Annonce commerciale renvoyant vers un site extérieur.'

/** A neighbour reports the exchange through the form under it. */
async function reportFrom(page: Page, path: string) {
  await page.goto(path)
  await page.getByRole('heading', { name: TITLE }).waitFor()
  await page.locator('summary', { hasText: 'Signaler' }).click()
  await page.getByLabel('Motif').selectOption('spam')
  await page.getByLabel('Précisions (facultatif)').fill('Lien vers un site de vente.')
  await liveSettled(page)
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await page
    .getByText('Merci, votre signalement a été transmis aux modérateurs du quartier.')
    .waitFor()
}

/** The page's visible text, for assertions on what it does not say. */
const bodyText = (page: Page) => page.locator('body').innerText()

test.group('Moderation in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('three neighbours report an exchange: hidden; a moderator removes it; the public log says why without naming anyone; the author appeals once', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    const author = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const reporters = [
      await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' }),
      await verifiedResident('hugo@example.org', { displayName: 'Hugo Lefèvre' }),
      await verifiedResident('sarah@example.org', { displayName: 'Sarah Kaplan' }),
    ]
    const reporterNames = ['Léa', 'Dubois', 'Hugo', 'Lefèvre', 'Sarah', 'Kaplan']
    const viewer = await verifiedResident('paul@example.org', { displayName: 'Paul Girard' })
    const moderator = await verifiedResident('yasmine@example.org', {
      displayName: 'Yasmine Haddad',
    })
    const neighbourhoodId = author.neighbourhoodId!
    for (const resident of [...reporters, viewer, moderator]) {
      assert.equal(resident.neighbourhoodId, neighbourhoodId)
    }
    /** Yasmine is a super voisin of the quartier: the operators may make her a moderator. */
    await db.table('neighbourhood_roles').insert({
      neighbourhood_id: neighbourhoodId,
      user_id: moderator.id,
      role: 'super_voisin',
      created_at: new Date(),
    })
    await operatorAccount('operatrice@example.org')
    const errors: string[] = []

    /** An operator makes Yasmine the quartier's moderator on the back office page. */
    const office = await personBrowser(browser, 'operatrice@example.org', errors, cleanup)
    await office.goto('/operators/moderators')
    const candidate = office.locator(`#candidate-${moderator.id}-${neighbourhoodId}`)
    await candidate.getByText('Yasmine Haddad').waitFor()
    await liveSettled(office)
    await candidate.getByRole('button', { name: 'Nommer modérateur' }).click()
    await office.getByText(/Yasmine Haddad est maintenant modérateur du quartier/).waitFor()
    await office.locator(`#moderator-${moderator.id}-${neighbourhoodId}`).waitFor()

    /** Camille posts a loan offer. */
    const writer = await browserContext.newPage()
    watchErrors(writer, errors)
    await signIn(writer, author.email)
    await writer.goto('/exchanges/new')
    await writer.getByRole('link', { name: 'Je prête un objet' }).click()
    await writer.getByLabel('Titre').fill(TITLE)
    await writer
      .getByLabel('Description')
      .fill('Scooter en bon état, prix à débattre : écrivez-moi plutôt sur mon site de ventes.')
    await writer.getByLabel('Catégorie').selectOption('tools')
    await liveSettled(writer)
    await writer.getByRole('button', { name: "Publier l'annonce" }).click()
    await writer.getByRole('heading', { name: TITLE }).waitFor()
    const path = new URL(writer.url()).pathname
    assert.match(path, /^\/exchanges\/\d+$/)
    const exchangeId = Number(path.split('/').pop())
    await liveSettled(writer)

    /** Paul, a fourth neighbour, finds it in his feed. */
    const other = await personBrowser(browser, viewer.email, errors, cleanup)
    await other.goto('/feed')
    await other.locator('[data-feed-item]', { hasText: TITLE }).waitFor()
    await liveSettled(other)

    /** Three verified neighbours report it, each in their own browser. */
    for (const [index, reporter] of reporters.entries()) {
      const page = await personBrowser(browser, reporter.email, errors, cleanup)
      await reportFrom(page, path)
      if (index < 2) {
        /** Below the threshold the reporter lands back on the exchange, still visible. */
        await page.waitForURL(`**${path}`)
        await page.getByRole('heading', { name: TITLE }).waitFor()
      } else {
        assert.notEqual(new URL(page.url()).pathname, path)
      }
      await liveSettled(page)
      await page.context().close()
    }

    /** For Paul it is gone from the feed and its page answers 404. */
    await other.reload()
    await other.locator('.feed-filters, #feed-unverified').first().waitFor()
    assert.notInclude(await bodyText(other), TITLE)
    assert.equal(await other.locator(`a[href="${path}"]`).count(), 0)
    await liveSettled(other)
    /**
     * Opening it answers the site's 404 page and nothing of the content.
     * Chromium logs the 404 document as a failed resource: on a page of
     * its own, where only that line is expected.
     */
    const opened = await other.context().newPage()
    const openedErrors: string[] = []
    watchErrors(opened, openedErrors)
    const missing = await opened.goto(path)
    assert.equal(missing?.status(), 404)
    await opened.getByRole('heading', { name: 'Page introuvable' }).waitFor()
    assert.notInclude(await bodyText(opened), TITLE)
    assert.isNotEmpty(openedErrors)
    for (const line of openedErrors) {
      assert.equal(
        line,
        'Failed to load resource: the server responded with a status of 404 (Not Found)'
      )
    }
    await opened.close()

    /** Camille still sees it, with the notice and the way to contest. */
    await writer.goto(path)
    await writer
      .getByText('Ce contenu est masqué par la modération : vous seul et les modérateurs le voyez.')
      .waitFor()
    await writer.getByRole('link', { name: 'Contester cette décision' }).waitFor()
    await liveSettled(writer)

    /** Yasmine opens the queue, then the report, and removes the exchange with a reason. */
    const mod = await personBrowser(browser, moderator.email, errors, cleanup)
    await mod.goto('/moderation')
    const row = mod.locator('tbody tr', { hasText: `Échange #${exchangeId}` })
    await row.getByText('masqué').waitFor()
    assert.equal((await row.locator('td').nth(2).innerText()).trim(), '3')
    await liveSettled(mod)
    await row.getByRole('link', { name: `Échange #${exchangeId}` }).click()
    await mod.waitForURL(/\/moderation\/reports\/\d+$/)
    await mod.getByText(TITLE).first().waitFor()
    const reportPage = await bodyText(mod)
    for (const name of reporterNames) assert.notInclude(reportPage, name)
    await mod.getByRole('radio', { name: 'Supprimé' }).check()
    await mod.getByLabel('Motif', { exact: true }).fill(REASON)
    await liveSettled(mod)
    await mod.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await mod.waitForURL(/\/moderation$/)
    await mod.getByText('Le contenu est supprimé.').waitFor()
    await mod.getByText('Aucun signalement en attente.').waitFor()
    assert.isNull(await db.from('exchanges').where('id', exchangeId).first())
    await liveSettled(mod)

    /** The public log: the automatic hide and the removal with its reason; nobody named. */
    await other.goto(`/neighbourhoods/${neighbourhoodId}/moderation-log`)
    await other.getByRole('heading', { name: /^Journal de modération : / }).waitFor()
    const removal = other.locator('tbody tr', { hasText: 'Supprimé' })
    await removal.getByText(REASON).waitFor()
    await other
      .locator('tbody tr', { hasText: 'Masqué automatiquement' })
      .getByText('Signalé par trois habitants vérifiés, en attente d’examen.')
      .waitFor()
    const log = await bodyText(other)
    for (const name of [...reporterNames, 'Camille', 'Martin', 'Yasmine', 'Haddad']) {
      assert.notInclude(log, name)
    }
    assert.notInclude(log, TITLE)
    await liveSettled(other)

    /** Camille appeals the removal once: the form for it is gone afterwards. */
    await writer.goto('/moderation/appeals')
    const decision = writer.locator('article', {
      has: writer.getByRole('heading', { name: 'Supprimé · Échange' }),
    })
    await decision.getByText(REASON).waitFor()
    await decision
      .getByLabel('Votre recours')
      .fill('Je prête vraiment ce scooter à mes voisins, le lien était une maladresse.')
    await liveSettled(writer)
    await decision.getByRole('button', { name: 'Envoyer le recours' }).click()
    await writer.waitForURL(/\/moderation\/appeals$/)
    await writer
      .getByText('Votre recours a été envoyé. Une personne de l’équipe Quartier va l’examiner.')
      .waitFor()
    await decision.getByText('Recours envoyé, en attente de décision.').waitFor()
    assert.equal(await decision.locator('form').count(), 0)
    assert.equal(await decision.getByRole('button', { name: 'Envoyer le recours' }).count(), 0)
    const appeals = await db.from('appeals').where('author_id', author.id)
    assert.lengthOf(appeals, 1)
    await liveSettled(writer)

    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
