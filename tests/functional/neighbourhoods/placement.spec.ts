import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { neighbourhoodAt, placeResident, townAt } from '#modules/neighbourhoods/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

async function nameAt(longitude: number, latitude: number) {
  const id = await neighbourhoodAt({ longitude, latitude })
  if (!id) return null
  return (await db.from('neighbourhoods').where('id', id).firstOrFail()).name as string
}

test.group('Placing a point in a neighbourhood', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a point inside {name} lands there')
    .with([
      { name: 'Saint-Victor', longitude: 2.35409, latitude: 48.84766 },
      { name: 'Clignancourt', longitude: 2.3466, latitude: 48.8909 },
      { name: 'Belleville', longitude: 2.3829, latitude: 48.8715 },
      { name: 'Notre-Dame', longitude: 2.3499, latitude: 48.853 },
      { name: 'Auteuil', longitude: 2.2585, latitude: 48.8483 },
    ])
    .run(async ({ assert }, row) => {
      assert.equal(await nameAt(row.longitude, row.latitude), row.name)
    })

  test('a point on the edge shared by two quartiers lands in exactly one of them', async ({
    assert,
  }) => {
    /** A vertex of one quartier that lies on its neighbour's boundary. */
    const { rows } = await db.rawQuery(
      `SELECT ST_X(vertex.geom) AS lon, ST_Y(vertex.geom) AS lat, a.id AS a, b.id AS b
         FROM neighbourhoods a
         JOIN neighbourhoods b ON a.id < b.id AND ST_Touches(a.boundary, b.boundary)
         CROSS JOIN LATERAL ST_DumpPoints(a.boundary) AS vertex
        WHERE ST_Covers(b.boundary, vertex.geom)
        LIMIT 1`
    )
    const point = rows[0]
    const covering = await db.rawQuery(
      'SELECT id FROM neighbourhoods WHERE ST_Covers(boundary, ST_SetSRID(ST_MakePoint(?, ?), 4326))',
      [point.lon, point.lat]
    )
    assert.isAtLeast(covering.rows.length, 1)
    const landed = await neighbourhoodAt({ longitude: point.lon, latitude: point.lat })
    assert.oneOf(landed, [Number(point.a), Number(point.b)])
    /** Asking again gives the same answer. */
    assert.equal(await neighbourhoodAt({ longitude: point.lon, latitude: point.lat }), landed)
  })

  test('a point outside every neighbourhood lands nowhere', async ({ assert }) => {
    assert.isNull(await nameAt(-1.6778, 48.1173)) // Rennes
    assert.isNull(await townAt({ longitude: -1.6778, latitude: 48.1173 }))
    assert.isNotNull(await townAt({ longitude: 2.3499, latitude: 48.853 }))
  })

  test('a resident is placed privately, with a street name and a fuzzed display point', async ({
    assert,
  }) => {
    const user = await createResident()
    const placed = await placeResident(user.id, {
      longitude: 2.35409,
      latitude: 48.84766,
      addressLabel: '12 bis rue des Écoles, 75005 Paris',
      placement: 'geocoder',
    })
    assert.isNotNull(placed.neighbourhoodId)
    assert.isNotNull(placed.townId)

    const { rows } = await db.rawQuery(
      `SELECT street_name, ST_Distance(home_point::geography, display_point::geography) AS fuzz,
              ST_X(home_point) AS lon
         FROM residents WHERE user_id = ?`,
      [user.id]
    )
    assert.equal(rows[0].street_name, 'rue des Écoles')
    assert.equal(Number(rows[0].lon), 2.35409)
    assert.isAbove(Number(rows[0].fuzz), 0)
    assert.isAtMost(Number(rows[0].fuzz), 160)
  })

  test('neighbours within the same ~150 m cell share their display point', async ({ assert }) => {
    const a = await createResident()
    const b = await createResident()
    await placeResident(a.id, {
      longitude: 2.35001,
      latitude: 48.84701,
      addressLabel: '1 rue A',
      placement: 'map_pin',
    })
    const { rows } = await db.rawQuery(
      'SELECT ST_X(display_point) AS lon, ST_Y(display_point) AS lat FROM residents WHERE user_id = ?',
      [a.id]
    )
    /** A few metres from A's grid node: the same node. */
    await placeResident(b.id, {
      longitude: Number(rows[0].lon) + 0.00005,
      latitude: Number(rows[0].lat) - 0.00004,
      addressLabel: '2 rue A',
      placement: 'map_pin',
    })
    const shared = await db.rawQuery(
      'SELECT count(DISTINCT ST_AsText(display_point)) AS points FROM residents WHERE user_id IN (?, ?)',
      [a.id, b.id]
    )
    assert.equal(Number(shared.rows[0].points), 1)
  })
})
