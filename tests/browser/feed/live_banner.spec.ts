import { test } from '@japa/runner'
import { announceFeedItem } from '#modules/feed/index'
import { placeResident } from '#modules/neighbourhoods/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { PASSWORD, createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import db from '@adonisjs/lucid/services/db'
import { watchErrors } from '#tests/helpers/browser'

test.group('The feed hears new posts in a real browser', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the banner counts new posts and shows the first page again', async ({
    browserContext,
    assert,
  }) => {
    const camille = await createResident({ email: 'camille@example.org' })
    await placeResident(camille.id, {
      longitude: 2.35409,
      latitude: 48.84766,
      addressLabel: '12 rue des Écoles, 75005 Paris',
      placement: 'geocoder',
    })
    const victor = await db.from('neighbourhoods').where('slug', 'saint-victor').firstOrFail()
    const errors: string[] = []
    const page = await browserContext.newPage()
    watchErrors(page, errors)

    await page.goto('/login')
    await page.getByLabel('Adresse e-mail').fill('camille@example.org')
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForSelector('html[data-live="subscribed"]')

    await page.goto('/feed?q=perceuse')
    await page.waitForSelector('html[data-live-feed="subscribed"]')
    assert.isFalse(await page.locator('#feed-live').isVisible())

    await announceFeedItem({
      source: 'exchanges',
      neighbourhoodId: Number(victor.id),
      scope: 'neighbourhood',
    })
    await page.locator('#feed-live').getByText('1 nouvelle publication').waitFor()
    await announceFeedItem({
      source: 'exchanges',
      neighbourhoodId: Number(victor.id),
      scope: 'neighbourhood',
    })
    await page.locator('#feed-live').getByText('2 nouvelles publications').waitFor()

    /** "Afficher" shows the first page again, with the filters kept. */
    await page.locator('#feed-live').getByRole('link', { name: 'Afficher' }).click()
    await page.waitForURL((url) => url.pathname === '/feed' && url.search === '?q=perceuse')
    await page.waitForSelector('html[data-live-feed="subscribed"]')
    assert.isFalse(await page.locator('#feed-live').isVisible())
    assert.deepEqual(errors, [])
  })
})
