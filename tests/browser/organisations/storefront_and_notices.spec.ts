import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { liveSettled, signIn, watchErrors } from '#tests/helpers/browser'
import {
  metresApart,
  operatorAccount,
  parisDayFromNow,
  personBrowser,
} from '#tests/helpers/browser_people'
import { PLACES, verifiedResident, type Point } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'

/** A bakery on boulevard Saint-Michel, about 1 km west of the Saint-Victor home below. */
const BAKERY: Point = { longitude: 2.3407, latitude: 48.8455 }
/** The town hall of the 5th arrondissement, place du Panthéon. */
const MAIRIE_DU_5E: Point = { longitude: 2.3447, latitude: 48.8463 }

/** Opens an organisation through the form (the point typed in its fields) and lands on its page. */
async function openOrganisation(
  page: Page,
  fields: { kind: string; name: string; siret?: string; address: string; at: Point }
): Promise<number> {
  await page.goto('/organisations/new')
  await page.getByLabel('Type d’organisation').selectOption(fields.kind)
  await page.getByLabel('Nom', { exact: true }).fill(fields.name)
  if (fields.siret) await page.getByLabel('Numéro SIRET').fill(fields.siret)
  await page.getByLabel('Adresse', { exact: true }).fill(fields.address)
  await page.getByLabel('Latitude').fill(String(fields.at.latitude))
  await page.getByLabel('Longitude').fill(String(fields.at.longitude))
  await liveSettled(page)
  await page.getByRole('button', { name: 'Créer', exact: true }).click()
  await page.waitForURL(/\/organisations\/\d+\/manage$/)
  await page.getByText('Organisation créée. Il reste à la faire vérifier.').waitFor()
  return Number(new URL(page.url()).pathname.split('/')[2])
}

/** The name of the neighbourhood a resident lives in (for the notice's checkboxes). */
async function neighbourhoodName(id: number | null): Promise<string> {
  const row = await db.from('neighbourhoods').where('id', id!).firstOrFail()
  return row.name
}

test.group('Organisations in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a shopkeeper fills a storefront, verifies it by postcard, posts an offer; a resident 1 km away sees it and recommends the shop', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    await verifiedResident('boulanger@example.org', {
      displayName: 'Julien Moreau',
      at: { longitude: 2.3412, latitude: 48.8449 },
      addressLabel: '3 rue Royer-Collard, 75005 Paris',
    })
    const home = PLACES.saintVictor
    const ines = await verifiedResident('ines@example.org', {
      displayName: 'Inès Garnier',
      at: home,
      addressLabel: '12 rue des Écoles, 75005 Paris',
    })
    await operatorAccount('operatrice@example.org')
    const distance = metresApart(BAKERY, home)
    assert.isAbove(distance, 900)
    assert.isBelow(distance, 1100)
    const errors: string[] = []

    /** The shopkeeper opens the bakery: kind, name, SIRET, address and point. */
    const shop = await browserContext.newPage()
    watchErrors(shop, errors)
    await signIn(shop, 'boulanger@example.org')
    const id = await openOrganisation(shop, {
      kind: 'shop',
      name: 'Boulangerie du Panthéon',
      siret: '732 829 320 00074',
      address: '62 boulevard Saint-Michel, 75006 Paris',
      at: BAKERY,
    })
    await shop.locator('#verification-status').getByText('Non vérifiée').waitFor()

    /** The storefront: description, hours per weekday, category, contact. */
    await shop.getByRole('link', { name: 'Modifier la page' }).click()
    await shop
      .getByLabel('Présentation')
      .fill('Pain au levain cuit sur place, viennoiseries au beurre et pâtisseries du jour.')
    await shop.getByLabel('Téléphone').fill('01 43 54 00 00')
    await shop.getByLabel('Portée des offres (mètres)').fill('1500')
    await shop.getByLabel('Boulangerie').check()
    for (const day of ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi']) {
      await shop.getByLabel(day, { exact: true }).fill('07:00-13:30, 15:30-20:00')
    }
    await shop.getByLabel('Samedi', { exact: true }).fill('07:30-20:00')
    await liveSettled(shop)
    await shop.getByRole('button', { name: 'Enregistrer' }).click()
    await shop.waitForURL(new RegExp(`/organisations/${id}$`))
    await shop.getByText('Page enregistrée.').waitFor()
    await shop.assertTextContains('.storefront__description', 'Pain au levain cuit sur place')
    await shop.assertTextContains('.storefront__badges', 'Boulangerie')
    await shop.assertTextContains('#hours', '07:00–13:30, 15:30–20:00')
    await shop.assertTextContains('#hours', 'Dimanche')
    await shop.assertTextContains('#storefront', '62 boulevard Saint-Michel, 75006 Paris')

    /** Unverified, it may not post yet: the shopkeeper asks for a postcard. */
    await liveSettled(shop)
    await shop.goto(`/organisations/${id}/manage`)
    await liveSettled(shop)
    await shop.getByRole('button', { name: 'Recevoir une carte postale' }).click()
    await shop.getByText('Carte postale demandée').waitFor()
    await shop.locator('#postcard-waiting').waitFor()

    /** An operator prints the card in the back office: the code is shown that once. */
    const office = await personBrowser(browser, 'operatrice@example.org', errors, cleanup)
    await office.goto('/operators/organisations')
    const card = office.locator('#postcards li', { hasText: 'Boulangerie du Panthéon' })
    await card.getByText('62 boulevard Saint-Michel').waitFor()
    await liveSettled(office)
    await card.getByRole('button', { name: 'Imprimer' }).click()
    const code = (await office.locator('#postcard-code').innerText()).trim()
    assert.isAtLeast(code.length, 8)

    /** The card arrives: the shopkeeper types its code, the shop is verified. */
    await liveSettled(shop)
    await shop.reload()
    await shop.getByLabel('Code de la carte postale').fill(code.toLowerCase())
    await liveSettled(shop)
    await shop.getByRole('button', { name: 'Valider le code' }).click()
    await shop.getByText('Votre organisation est vérifiée.').waitFor()
    await shop.locator('#verification-status').getByText('Vérifiée').waitFor()
    await shop.assertTextContains('#verification-history', 'carte postale')

    /** The offer, valid for ten days. */
    await shop.getByRole('link', { name: 'Publier une offre' }).click()
    await shop.getByLabel('Titre').fill('Galettes des rois dès vendredi')
    await shop
      .getByLabel('Texte', { exact: true })
      .fill('Frangipane maison, fèves en porcelaine : réservez la vôtre en boutique.')
    await shop.getByLabel('Valable jusqu’au').fill(parisDayFromNow(10))
    await liveSettled(shop)
    await shop.getByRole('button', { name: 'Publier l’offre' }).click()
    await shop.getByText('Offre publiée.').waitFor()

    /** Inès, 1 km away, finds the offer in her feed and opens the storefront from it. */
    const resident = await personBrowser(browser, ines.email, errors, cleanup)
    await resident.goto('/feed')
    const offerCard = resident.locator('.feed-card', { hasText: 'Galettes des rois dès vendredi' })
    await offerCard.waitFor()
    await offerCard.locator('.feed-card__author').getByText('Boulangerie du Panthéon').waitFor()
    await offerCard.locator('.feed-card__badge').getByText('Commerce').waitFor()
    await liveSettled(resident)
    await offerCard.getByRole('link', { name: 'Galettes des rois dès vendredi' }).click()
    await resident.waitForURL(new RegExp(`/organisations/${id}#offer-\\d+$`))
    await resident.assertTextContains('h1', 'Boulangerie du Panthéon')
    await resident.assertTextContains('#verified-badge', 'Vérifié')
    await resident.assertTextContains('#hours', '07:30–20:00')
    await resident.assertTextContains('#recommendations', 'Aucun voisin ne recommande')
    assert.equal(
      await resident.locator('#storefront .card h3').innerText(),
      'Galettes des rois dès vendredi'
    )

    /** She recommends it: one neighbour does now. */
    await liveSettled(resident)
    await resident.getByRole('button', { name: 'Je recommande' }).click()
    await resident.getByText('Merci, votre recommandation est enregistrée.').waitFor()
    await resident.assertTextContains('#recommendations', '1 voisin recommande ce commerce.')
    await resident.getByRole('button', { name: 'Retirer ma recommandation' }).waitFor()

    assert.deepEqual(errors, [], errors.join('\n'))
  })

  test('a town hall verified by an operator pins a notice to chosen neighbourhoods: their residents see it above the feed, others do not', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    await verifiedResident('mairie@example.org', {
      displayName: 'Claire Fontaine',
      at: { longitude: 2.3452, latitude: 48.8457 },
      addressLabel: '5 rue Clotilde, 75005 Paris',
    })
    const victor = await verifiedResident('victor@example.org', {
      displayName: 'Victor Lambert',
      at: PLACES.saintVictor,
      addressLabel: '12 rue des Écoles, 75005 Paris',
    })
    const far = await verifiedResident('nadia@example.org', {
      displayName: 'Nadia Haddad',
      at: PLACES.clignancourt,
      addressLabel: '4 rue Lamarck, 75018 Paris',
    })
    await operatorAccount('operatrice@example.org')
    const chosen = await neighbourhoodName(victor.neighbourhoodId)
    assert.notEqual(far.neighbourhoodId, victor.neighbourhoodId)
    const errors: string[] = []

    /** A town hall member opens it and asks for the review. */
    const mairie = await browserContext.newPage()
    watchErrors(mairie, errors)
    await signIn(mairie, 'mairie@example.org')
    const id = await openOrganisation(mairie, {
      kind: 'town_hall',
      name: 'Mairie du 5e arrondissement',
      address: '21 place du Panthéon, 75005 Paris',
      at: MAIRIE_DU_5E,
    })
    await liveSettled(mairie)
    await mairie.getByRole('button', { name: 'Demander un examen' }).click()
    await mairie.getByText('Examen demandé.').waitFor()
    await mairie.locator('#review-pending').waitFor()

    /** The operator ticks the checklist (official e-mail domain, phone callback) and accepts. */
    const office = await personBrowser(browser, 'operatrice@example.org', errors, cleanup)
    await office.goto('/operators/organisations')
    await liveSettled(office)
    await office
      .locator('#pending-reviews')
      .getByRole('link', { name: 'Mairie du 5e arrondissement' })
      .click()
    await office.waitForURL(new RegExp(`/operators/organisations/${id}$`))
    await office.getByLabel('Adresse e-mail sur le domaine officiel').check()
    await office.getByLabel('Rappel au numéro de l’annuaire officiel').check()
    await office.getByLabel('Note').fill('Courriel @paris.fr, rappel au 01 56 81 75 05.')
    await office.getByLabel('Décision').selectOption('approved')
    await liveSettled(office)
    await office.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await office.getByText('Organisation vérifiée.').waitFor()

    /** Verified, the town hall pins a notice for a week, to Saint-Victor and one other quartier. */
    await liveSettled(mairie)
    await mairie.reload()
    await mairie.locator('#verification-status').getByText('Vérifiée').waitFor()
    await mairie.getByRole('link', { name: 'Publier un avis' }).click()
    await mairie.getByLabel('Titre').fill('Travaux rue des Écoles du 2 au 6 décembre')
    await mairie
      .getByLabel('Texte', { exact: true })
      .fill(
        'La chaussée sera fermée entre la rue Monge et la rue Jussieu ; les bus 63 et 86 sont déviés.'
      )
    await mairie.getByLabel('Destinataires').selectOption('neighbourhoods')
    await mairie.getByLabel(chosen, { exact: true }).check()
    await mairie.getByLabel('Jardin-des-Plantes', { exact: true }).check()
    await mairie.getByLabel('Épingler jusqu’au (facultatif)').fill(parisDayFromNow(7))
    await liveSettled(mairie)
    await mairie.getByRole('button', { name: 'Publier l’avis' }).click()
    await mairie.getByText('Avis publié.').waitFor()

    /** Victor, in Saint-Victor: pinned above the feed, with the "Official" badge. */
    const resident = await personBrowser(browser, victor.email, errors, cleanup)
    await resident.goto('/feed')
    const pinned = resident.locator('#pinned-notices')
    await pinned.getByRole('link', { name: 'Travaux rue des Écoles du 2 au 6 décembre' }).waitFor()
    await pinned.locator('.tag').getByText('Officiel').waitFor()
    await pinned.getByText('Mairie du 5e arrondissement').waitFor()
    const card = resident.locator('.feed-card', { hasText: 'Travaux rue des Écoles' })
    await card.locator('.feed-card__badge').getByText('Épinglé').waitFor()
    /** The pinned box comes before the first card of the feed. */
    assert.isTrue(
      await resident.evaluate(() => {
        const box = document.querySelector('#pinned-notices')
        const first = document.querySelector('.feed-card')
        return Boolean(
          box && first && box.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING
        )
      })
    )
    await liveSettled(resident)
    await pinned.getByRole('link', { name: 'Travaux rue des Écoles du 2 au 6 décembre' }).click()
    await resident.waitForURL(new RegExp(`/organisations/${id}/notices/\\d+$`))
    await resident.assertTextContains('body', 'les bus 63 et 86 sont déviés')
    const noticePath = new URL(resident.url()).pathname

    /** Nadia, in Clignancourt: no pinned box, no card, and the notice answers 404. */
    const other = await personBrowser(browser, far.email, errors, cleanup)
    await other.goto('/feed')
    await other.locator('#feed-unverified, .feed-filters').first().waitFor()
    assert.equal(await other.locator('#pinned-notices').count(), 0)
    assert.notInclude(await other.locator('body').innerText(), 'Travaux rue des Écoles')
    assert.equal((await other.request.get(noticePath)).status(), 404)

    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
