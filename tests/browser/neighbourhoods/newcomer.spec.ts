import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { Geocoder } from '#modules/neighbourhoods/geocoding/geocoder'
import { BanGeocoder } from '#modules/neighbourhoods/geocoding/ban_geocoder'
import { GEO_TABLES, loadParisAndIlleEtVilaine } from '#tests/helpers/geo'
import { fakeHttp } from '#tests/helpers/nock'
import { freshStateForEachTest } from '#tests/helpers/state'

const BAN = 'https://api-adresse.data.gouv.fr'

/** The French address API's answer for one address (faked at the HTTP boundary). */
function banAnswer(
  label: string,
  street: string,
  citycode: string,
  longitude: number,
  latitude: number
) {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [longitude, latitude] },
        properties: { label, score: 0.94, type: 'housenumber', street, citycode, name: label },
      },
    ],
  }
}

/** A square of `sizeM` metres centred on a point, as WKT. */
function squareWkt(longitude: number, latitude: number, sizeM: number) {
  const dLat = sizeM / 2 / 111_320
  const dLon = sizeM / 2 / (111_320 * Math.cos((latitude * Math.PI) / 180))
  const [w, e, s, n] = [longitude - dLon, longitude + dLon, latitude - dLat, latitude + dLat]
  return `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))`
}

async function signUp(page: Page, address: string) {
  await page.getByLabel('Nom affiché').fill('Jeanne D.')
  await page.getByLabel('Adresse e-mail').fill('jeanne@example.org')
  await page.getByLabel('Mot de passe', { exact: true }).fill('un jardin partagé')
  await page.getByLabel('Adresse de votre domicile').fill(address)
  await page.getByLabel("J'accepte").check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
}

test.group('A newcomer finds their neighbourhood', (group) => {
  group.setup(() => loadParisAndIlleEtVilaine())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(async () => {
    await db.from('neighbourhoods').whereNotNull('created_by_id').delete()
  })

  test('signs up with an address in a Paris quartier and lands in that quartier', async ({
    visit,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    nock(BAN)
      .get('/search/')
      .query(true)
      .reply(
        200,
        banAnswer('12 Rue des Écoles 75005 Paris', 'Rue des Écoles', '75105', 2.35409, 48.84766)
      )
    app.container.swap(Geocoder, () => new BanGeocoder(BAN, 2000))
    cleanup(() => app.container.restore(Geocoder))

    const page = await visit('/signup')
    await signUp(page, '12 rue des Écoles, 75005 Paris')

    await page.assertPath('/home/place')
    await page
      .getByRole('button', {
        name: 'J’habite ici : 12 Rue des Écoles 75005 Paris'.replace('’', "'"),
      })
      .click()

    await page.assertPath('/neighbourhoods/saint-victor')
    await page.assertTextContains('h1', 'Saint-Victor')
    await page.assertTextContains(
      'body',
      'Votre domicile est enregistré. Bienvenue dans votre quartier !'
    )
    /** The neighbourhood map is drawn (Leaflet vector layer). */
    await page.waitForSelector('[data-map="view"] .leaflet-overlay-pane path[stroke="#1d6b48"]')
  })

  test('signs up outside any neighbourhood and draws one on the map', async ({
    visit,
    cleanup,
    assert,
  }) => {
    const nock = fakeHttp(cleanup)
    nock(BAN)
      .get('/search/')
      .query(true)
      .reply(
        200,
        banAnswer(
          '21 Rue Saint-Georges 35000 Rennes',
          'Rue Saint-Georges',
          '35238',
          -1.6751,
          48.1131
        )
      )
    app.container.swap(Geocoder, () => new BanGeocoder(BAN, 2000))
    cleanup(() => app.container.restore(Geocoder))

    /**
     * A neighbourhood already exists 800 m east: drawn on the map as
     * context, it must not catch the editor's clicks (nor its snapping).
     */
    const rennes = await db.from('towns').where('insee_code', '35238').firstOrFail()
    await db.rawQuery(
      `INSERT INTO neighbourhoods (town_id, name, slug, boundary, status, created_at, updated_at)
       VALUES (?, 'Voisin', 'voisin-test', ST_Multi(ST_GeomFromText(?, 4326)), 'launching', now(), now())`,
      [rennes.id, squareWkt(-1.6751 + 0.0108, 48.1131, 300)]
    )
    cleanup(async () => {
      await db.from('neighbourhoods').where('slug', 'voisin-test').delete()
    })

    const page = await visit('/signup')
    await signUp(page, '21 rue Saint-Georges, 35000 Rennes')
    await page
      .getByRole('button', { name: "J'habite ici : 21 Rue Saint-Georges 35000 Rennes" })
      .click()

    await page.assertPath('/neighbourhoods/new')
    await page.assertTextContains(
      'body',
      'Aucun quartier ne couvre encore votre domicile à Rennes.'
    )
    await page.getByLabel('Nom du quartier').fill('Saint-Georges Rennes')

    /** Draw a square around the home (the map is centred on it) with Geoman's polygon tool. */
    const map = page.locator('[data-map="editor"]')
    await page.waitForSelector('[data-map="editor"] .leaflet-pm-icon-polygon')
    await page.locator('.leaflet-pm-icon-polygon').click()
    const box = (await map.boundingBox())!
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    const corners = [
      [cx - 90, cy - 90],
      [cx + 90, cy - 90],
      [cx + 90, cy + 90],
      [cx - 90, cy + 90],
    ]
    for (const [x, y] of corners) await page.mouse.click(x, y)
    await page.mouse.click(corners[0][0], corners[0][1])
    assert.include(await page.locator('[name="boundary"]').inputValue(), '"Polygon"')

    await page.getByRole('button', { name: 'Créer le quartier' }).click()
    await page.assertPath('/neighbourhoods/saint-georges-rennes')
    await page.assertTextContains('body', 'Votre quartier est créé !')
    await page.assertTextContains('body', 'Quartier en lancement')

    const created = await db
      .from('neighbourhoods')
      .where('slug', 'saint-georges-rennes')
      .firstOrFail()
    assert.equal(created.status, 'launching')
  })
})
