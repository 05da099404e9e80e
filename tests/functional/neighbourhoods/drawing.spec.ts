import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParisAndIlleEtVilaine, squareAround } from '#tests/helpers/geo'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

/** A home in Rennes, where no neighbourhood exists yet. */
const HOME = { longitude: -1.6778, latitude: 48.1173 }

async function residentInRennes(email = 'camille@example.org', at = HOME) {
  const user = await createResident({ email })
  await placeResident(user.id, {
    ...at,
    addressLabel: '5 rue Le Bastard, 35000 Rennes',
    placement: 'map_pin',
  })
  const agent = new Agent()
  await signIn(agent, email)
  return { user, agent }
}

function draw(agent: Agent, boundary: string, name = 'Centre-Ville') {
  return agent.submit('/neighbourhoods', { name, boundary }, { from: '/neighbourhoods/new' })
}

async function count(table: string) {
  return Number((await db.from(table).count('* as total').firstOrFail()).total)
}

/** Only the 80 Paris quartiers: nothing was written. */
const PARIS_ONLY = 80

test.group('Drawing a new neighbourhood', (group) => {
  group.setup(() => loadParisAndIlleEtVilaine())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(async () => {
    await db.from('neighbourhoods').whereNotNull('created_by_id').delete()
  })

  test('the first resident draws it: launching, theirs, with its first revision', async ({
    assert,
  }) => {
    const { user, agent } = await residentInRennes()
    const response = await draw(agent, squareAround(HOME.longitude, HOME.latitude, 600))
    assert.equal(response.status, 302)
    assert.equal(response.location, '/neighbourhoods/centre-ville')

    const created = await db.from('neighbourhoods').where('slug', 'centre-ville').firstOrFail()
    assert.equal(created.status, 'launching')
    assert.equal(Number(created.created_by_id), user.id)
    const resident = await db.from('residents').where('user_id', user.id).firstOrFail()
    assert.equal(Number(resident.neighbourhood_id), Number(created.id))
    const revisions = await db.from('neighbourhood_revisions').where('neighbourhood_id', created.id)
    assert.lengthOf(revisions, 1)
    assert.equal(revisions[0].status, 'created')

    const page = await agent.get('/neighbourhoods/centre-ville')
    assert.include(page.text, 'Votre quartier est créé ! Invitez maintenant vos voisins.')
    assert.include(page.text, 'Quartier en lancement')
    assert.include(page.text, 'Aucun habitant vérifié sur 10 pour ouvrir le quartier.')
    assert.include(page.text, 'href="/neighbourhood/invite"')
  })

  test('refuses a boundary that {name}, with its message, and writes nothing')
    .with([
      {
        name: 'is not JSON',
        boundary: 'pas du json',
        message: 'Le tracé n&#x27;est pas un polygone valide',
      },
      {
        name: 'is not a polygon',
        boundary: JSON.stringify({ type: 'Point', coordinates: [HOME.longitude, HOME.latitude] }),
        message: 'Le tracé n&#x27;est pas un polygone valide',
      },
      {
        name: 'crosses itself',
        boundary: JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [HOME.longitude - 0.01, HOME.latitude - 0.01],
              [HOME.longitude + 0.01, HOME.latitude + 0.01],
              [HOME.longitude + 0.01, HOME.latitude - 0.01],
              [HOME.longitude - 0.01, HOME.latitude + 0.01],
              [HOME.longitude - 0.01, HOME.latitude - 0.01],
            ],
          ],
        }),
        message: 'Le tracé se croise lui-même.',
      },
      {
        name: 'leaves the home out',
        boundary: squareAround(HOME.longitude + 0.01, HOME.latitude, 500),
        message: 'Le tracé doit contenir votre domicile (le point rouge).',
      },
      {
        name: 'is too small',
        boundary: squareAround(HOME.longitude, HOME.latitude, 100),
        message: 'Le quartier est trop petit (0,01 km²) : au moins 0,02 km².',
      },
      {
        name: 'is too large',
        boundary: squareAround(HOME.longitude, HOME.latitude, 5200),
        message: 'Le quartier est trop grand',
      },
      {
        name: 'has too many points',
        boundary: JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              ...Array.from({ length: 2000 }, (_, i) => {
                const angle = (i / 2000) * 2 * Math.PI
                return [
                  HOME.longitude + 0.004 * Math.cos(angle),
                  HOME.latitude + 0.003 * Math.sin(angle),
                ]
              }),
              [HOME.longitude + 0.004, HOME.latitude],
            ],
          ],
        }),
        message: 'Le tracé a trop de points (plus de 2000).',
      },
      {
        name: 'is too heavy',
        boundary: JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              ...Array.from({ length: 6000 }, (_, i) => {
                const angle = (i / 6000) * 2 * Math.PI
                return [
                  HOME.longitude + 0.004 * Math.cos(angle),
                  HOME.latitude + 0.003 * Math.sin(angle),
                ]
              }),
              [HOME.longitude + 0.004, HOME.latitude],
            ],
          ],
        }),
        message: 'Le tracé est trop lourd (plus de 200 Ko).',
      },
      {
        name: 'lies outside the town',
        boundary: squareAround(2.35, 48.85, 600),
        message: 'Le tracé est en dehors de votre commune.',
      },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await residentInRennes()
      const response = await draw(agent, row.boundary)
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.include(response.text, 'id="field-boundary-error"')
      /** The name typed is kept. */
      assert.include(response.text, 'value="Centre-Ville"')
      assert.equal(await count('neighbourhoods'), PARIS_ONLY)
    })

  test('refuses a missing name or shape with translated messages', async ({ assert }) => {
    const { agent } = await residentInRennes()
    const response = await agent.submit(
      '/neighbourhoods',
      { name: '', boundary: '' },
      { from: '/neighbourhoods/new' }
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'Indiquez votre nom.')
    assert.include(response.text, 'Dessinez les limites du quartier sur la carte.')
    assert.equal(await count('neighbourhoods'), PARIS_ONLY)
  })

  test('a shape spilling over the town limit is cut to the town', async ({ assert }) => {
    /** Rennes' boundary: a home near it, a square spilling over it. */
    const { rows } = await db.rawQuery(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT ST_ClosestPoint(ST_Boundary(boundary), ST_SetSRID(ST_MakePoint(-1.6778, 48.1173), 4326)) AS p
           FROM towns WHERE insee_code = '35238') edge`
    )
    const edge = { longitude: Number(rows[0].lon), latitude: Number(rows[0].lat) }
    const { rows: inside } = await db.rawQuery(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT ST_ClosestPoint(ST_Buffer(ST_Boundary(boundary)::geography, 60)::geometry,
                                ST_SetSRID(ST_MakePoint(-1.6778, 48.1173), 4326)) AS p
           FROM towns WHERE insee_code = '35238') near`
    )
    const home = { longitude: Number(inside[0].lon), latitude: Number(inside[0].lat) }
    const { agent } = await residentInRennes('karim@example.org', home)
    const response = await draw(
      agent,
      squareAround(edge.longitude, edge.latitude, 700),
      'La Lisière'
    )
    assert.equal(response.status, 302)
    const { rows: check } = await db.rawQuery(
      `SELECT ST_CoveredBy(n.boundary, ST_Buffer(t.boundary, 0.000001)) AS inside
         FROM neighbourhoods n, towns t WHERE n.slug = 'la-lisiere' AND t.insee_code = '35238'`
    )
    assert.isTrue(check[0].inside)
    assert.include((await agent.get(response.location!)).text, 'limité à votre commune')
  })

  test('overlapping a neighbourhood too much offers the shape without the overlap', async ({
    assert,
  }) => {
    const first = await residentInRennes('camille@example.org')
    await draw(first.agent, squareAround(HOME.longitude, HOME.latitude, 600), 'Centre-Ville')

    /** A neighbour 500 m east, outside it, draws a square reaching into it. */
    const east = { longitude: HOME.longitude + 0.0067, latitude: HOME.latitude }
    const second = await residentInRennes('karim@example.org', east)
    const refused = await draw(
      second.agent,
      squareAround(east.longitude - 0.002, east.latitude, 700),
      'Thabor'
    )
    assert.equal(refused.status, 422)
    assert.match(refused.text, /Le tracé recouvre des quartiers existants à \d+ % \(au plus 10 %\)/)
    assert.include(refused.text, 'Utiliser ces limites sans le recouvrement')
    assert.equal(await count('neighbourhoods'), PARIS_ONLY + 1)

    const suggestion = refused.text
      .match(/name="boundary" value="([^"]+)"/)![1]
      .replace(/&quot;/g, '"')
    const accepted = await draw(second.agent, suggestion, 'Thabor')
    assert.equal(accepted.status, 302)
    const { rows } = await db.rawQuery(
      `SELECT ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) AS overlap
         FROM neighbourhoods a, neighbourhoods b WHERE a.slug = 'centre-ville' AND b.slug = 'thabor'`
    )
    assert.isBelow(Number(rows[0].overlap), 1)
    /** They are now nearby neighbourhoods of each other. */
    const pairs = await count('neighbourhood_neighbours')
    assert.isAbove(pairs, 0)
  })

  test('residents already in a neighbourhood cannot draw another', async ({ assert }) => {
    const user = await createResident({ email: 'camille@example.org' })
    await placeResident(user.id, {
      longitude: 2.35409,
      latitude: 48.84766,
      addressLabel: 'x',
      placement: 'map_pin',
    })
    const agent = new Agent()
    await signIn(agent, 'camille@example.org')
    assert.equal((await agent.get('/neighbourhoods/new')).location, '/home')
    const response = await agent.submit(
      '/neighbourhoods',
      { name: 'Pirate', boundary: squareAround(2.35409, 48.84766, 600) },
      { from: '/profile' }
    )
    assert.equal(response.location, '/home')
    assert.equal(await count('neighbourhoods'), PARIS_ONLY)
  })
})
