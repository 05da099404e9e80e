import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { signIn, watchErrors } from '#tests/helpers/browser'

test.group('Postcard verification in a real browser', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident asks for a card, an operator prints and posts it, the code verifies', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    const camille = await createResident({
      email: 'camille@example.org',
      displayName: 'Camille Martin',
    })
    await placeResident(camille.id, {
      longitude: 2.35409,
      latitude: 48.84766,
      addressLabel: '12 rue des Écoles, 75005 Paris',
      placement: 'geocoder',
    })
    const operator = await createResident({
      email: 'operatrice@example.org',
      displayName: 'Opératrice Quartier',
    })
    await db.from('users').where('id', operator.id).update({ role: 'operator' })
    const errors: string[] = []

    /** The resident asks, the address pre-filled from their home. */
    const resident = await browserContext.newPage()
    watchErrors(resident, errors)
    await signIn(resident, 'camille@example.org')
    await resident.goto('/verify')
    assert.equal(
      await resident.getByLabel('Nom sur la boîte aux lettres').inputValue(),
      'Camille Martin'
    )
    assert.equal(await resident.getByLabel('Numéro et rue').inputValue(), '12 rue des Écoles')
    assert.equal(await resident.getByLabel('Code postal').inputValue(), '75005')
    assert.equal(await resident.getByLabel('Ville').inputValue(), 'Paris')
    await resident.getByLabel("Complément d'adresse (facultatif)").fill('Bâtiment B')
    await resident.waitForSelector('html[data-live="subscribed"]')
    await resident.getByRole('button', { name: 'Recevoir une carte postale' }).click()
    await resident.assertPath('/verify')
    await resident.assertTextContains('body', 'votre carte postale sera imprimée et postée')

    /** The operator, in another browser, makes the batch and reads the code on the print page. */
    const operatorContext = await browser.newContext({
      baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
      locale: 'fr-FR',
    })
    cleanup(() => operatorContext.close())
    const office = await operatorContext.newPage()
    watchErrors(office, errors)
    await signIn(office, 'operatrice@example.org')
    await office.goto('/operators/verification/postcards')
    await office.assertTextContains('#postcards-waiting', 'Camille Martin')
    await office.waitForSelector('html[data-live="subscribed"]')
    await office.getByRole('button', { name: "Créer un lot d'impression" }).click()
    await office.waitForURL(/\/operators\/verification\/postcards\/batches\/\d+\/print$/)
    await office.assertTextContains('.postcard-sheet__address', 'Bâtiment B')
    await office.assertTextContains('.postcard-sheet', 'Allez sur')
    const code = (await office.locator('.postcard-sheet__code').innerText()).trim()
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/)

    /** Printing shows the card alone: no site header, no back-office tabs. */
    await office.emulateMedia({ media: 'print' })
    assert.isFalse(await office.locator('.site-header').isVisible())
    assert.isFalse(await office.locator('.tabs').isVisible())
    assert.isTrue(await office.locator('.postcard-sheet__code').isVisible())
    await office.emulateMedia({ media: 'screen' })

    await office.waitForSelector('html[data-live="subscribed"]')
    await office.goto('/operators/verification/postcards')
    await office.waitForSelector('html[data-live="subscribed"]')
    await office.getByRole('button', { name: 'Marquer comme posté' }).click()
    await office.assertTextContains('body', 'Lot marqué comme posté')

    /** The resident types the code as read on the card: verified. */
    await resident.goto('/verify')
    await resident.assertTextContains('#postcard-state', 'Votre carte est en route')
    await resident.getByLabel('Code de la carte postale').fill(code.toLowerCase().replace('-', ' '))
    await resident.waitForSelector('html[data-live="subscribed"]')
    await resident.getByRole('button', { name: 'Valider le code' }).click()
    await resident.assertPath('/verify')
    await resident.assertTextContains('body', 'Code accepté : votre adresse est vérifiée.')
    await resident.assertTextContains(
      '#verification-status',
      'Votre adresse est vérifiée depuis le'
    )

    const row = await db.from('residents').where('user_id', camille.id).firstOrFail()
    assert.isNotNull(row.verified_at)
    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
