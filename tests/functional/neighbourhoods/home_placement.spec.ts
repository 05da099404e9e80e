import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Geocoder } from '#modules/neighbourhoods/geocoding/geocoder'
import { BanGeocoder } from '#modules/neighbourhoods/geocoding/ban_geocoder'
import { GEO_TABLES, loadParisAndIlleEtVilaine } from '#tests/helpers/geo'
import { fakeHttp } from '#tests/helpers/nock'
import { signedInResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const SAINT_VICTOR = { latitude: '48.84766', longitude: '2.35409' }
const RENNES = { latitude: '48.1173', longitude: '-1.6778' }

function placeAt(
  point: { latitude: string; longitude: string },
  addressLabel = '12 rue des Écoles, 75005 Paris'
) {
  return { address_label: addressLabel, placement: 'map_pin', ...point }
}

async function residentRow(userId: number) {
  return db.from('residents').where('user_id', userId).first()
}

test.group('My home: placing a resident', (group) => {
  group.setup(() => loadParisAndIlleEtVilaine())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a new resident is asked to place their home first', async ({ assert }) => {
    const { agent } = await signedInResident('camille@example.org')
    const home = await agent.get('/home')
    assert.equal(home.status, 302)
    assert.equal(home.location, '/home/place')

    const page = await agent.get('/home/place')
    assert.equal(page.status, 200)
    assert.include(page.text, 'Où habitez-vous ?')
    /** The address typed at sign-up is the starting point. */
    assert.include(page.text, 'value="10 rue des Lilas, 75020 Paris"')
    /** Offline (no geocoder), the map pin is offered with a clear word. */
    assert.include(page.text, 'La recherche d&#x27;adresse ne répond pas pour l&#x27;instant.')
    assert.include(page.text, 'data-map="picker"')
  })

  test('a pin inside Saint-Victor places the resident there, privately', async ({ assert }) => {
    const { user, agent } = await signedInResident('camille@example.org')
    const placed = await agent.submit('/home/place', placeAt(SAINT_VICTOR), { from: '/home/place' })
    assert.equal(placed.status, 302)
    assert.equal(placed.location, '/home')
    assert.equal((await agent.get('/home')).location, '/neighbourhoods/saint-victor')

    const page = await agent.get('/neighbourhoods/saint-victor')
    assert.include(page.text, 'Votre quartier.')
    assert.include(page.text, 'Votre domicile est enregistré. Bienvenue dans votre quartier !')
    /** Neither the address nor the exact point is on the page. */
    assert.notInclude(page.text, 'rue des Écoles')
    assert.notInclude(page.text, '48.84766')

    const row = await residentRow(user.id)
    assert.equal(row.placement, 'map_pin')
    assert.equal(row.street_name, 'rue des Écoles')
    await user.refresh()
    assert.equal(user.homeAddress, '12 rue des Écoles, 75005 Paris')
  })

  test("the address API's candidates can be picked (faked at the HTTP boundary)", async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    const api = nock('https://api-adresse.data.gouv.fr')
      .get('/search/')
      .query({ q: '12 rue des Écoles Paris', limit: '5' })
      .reply(200, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [2.35409, 48.84766] },
            properties: {
              label: '12 Rue des Écoles 75005 Paris',
              score: 0.93,
              type: 'housenumber',
              street: 'Rue des Écoles',
              citycode: '75105',
              name: '12 Rue des Écoles',
            },
          },
        ],
      })
    app.container.swap(Geocoder, () => new BanGeocoder('https://api-adresse.data.gouv.fr', 2000))
    cleanup(() => app.container.restore(Geocoder))

    const { user, agent } = await signedInResident('camille@example.org')
    const page = await agent.get('/home/place?q=' + encodeURIComponent('12 rue des Écoles Paris'))
    assert.isTrue(api.isDone())
    assert.include(page.text, 'J&#x27;habite ici : 12 Rue des Écoles 75005 Paris')

    await agent.submit('/home/place', {
      address_label: '12 Rue des Écoles 75005 Paris',
      latitude: '48.84766',
      longitude: '2.35409',
      placement: 'geocoder',
      street: 'Rue des Écoles',
    })
    const row = await residentRow(user.id)
    assert.equal(row.placement, 'geocoder')
    assert.equal(row.street_name, 'Rue des Écoles')
  })

  test('refuses a placement without a point, with a translated message, and writes nothing', async ({
    assert,
  }) => {
    const { user, agent } = await signedInResident('camille@example.org')
    const response = await agent.submit(
      '/home/place',
      { address_label: '12 rue des Écoles', placement: 'map_pin', latitude: '', longitude: 'abc' },
      { from: '/home/place' }
    )
    assert.equal(response.status, 422)
    assert.include(
      response.text,
      'Placez votre domicile sur la carte (ou saisissez ses coordonnées).'
    )
    assert.include(response.text, 'Le champ longitude doit être un nombre.')
    assert.isNull(await residentRow(user.id))

    const outOfRange = await agent.submit(
      '/home/place',
      { ...placeAt(SAINT_VICTOR), latitude: '123' },
      { from: '/home/place' }
    )
    assert.equal(outOfRange.status, 422)
    assert.include(outOfRange.text, 'Le champ latitude doit être au plus 90.')
  })

  test('a home in a town without any neighbourhood leads to drawing one', async ({ assert }) => {
    const { agent } = await signedInResident('camille@example.org')
    await agent.submit('/home/place', placeAt(RENNES, '5 rue Le Bastard, 35000 Rennes'), {
      from: '/home/place',
    })
    const home = await agent.get('/home')
    assert.equal(home.location, '/neighbourhoods/new')
    const page = await agent.get('/neighbourhoods/new')
    assert.include(page.text, 'Aucun quartier ne couvre encore votre domicile à Rennes.')
    assert.include(page.text, 'data-map="editor"')
  })

  test('a home in a commune Quartier does not know yet says so', async ({ assert }) => {
    const { agent } = await signedInResident('camille@example.org')
    await agent.submit(
      '/home/place',
      placeAt({ latitude: '43.2965', longitude: '5.3698' }, 'Marseille'),
      {
        from: '/home/place',
      }
    )
    const page = await agent.get('/home')
    assert.equal(page.status, 200)
    assert.include(page.text, 'Quartier n&#x27;est pas encore ouvert dans votre commune')
  })

  test('moving to another quartier moves the resident and clears the address proof', async ({
    assert,
  }) => {
    const { user, agent } = await signedInResident('camille@example.org')
    await agent.submit('/home/place', placeAt(SAINT_VICTOR), { from: '/home/place' })
    await db.from('residents').where('user_id', user.id).update({ verified_at: new Date() })

    const page = await agent.get('/home/place')
    assert.include(page.text, 'J&#x27;ai déménagé')
    await agent.submit(
      '/home/place',
      placeAt({ latitude: '48.8715', longitude: '2.3829' }, '3 rue de Belleville'),
      {
        from: '/home/place',
      }
    )
    const row = await residentRow(user.id)
    const belleville = await db.from('neighbourhoods').where('name', 'Belleville').firstOrFail()
    assert.equal(Number(row.neighbourhood_id), Number(belleville.id))
    assert.isNull(row.verified_at)
  })
})
