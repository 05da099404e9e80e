import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { maySee, placeResident, visibleNeighbourhoodIds } from '#modules/neighbourhoods/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

async function idOf(name: string) {
  return Number((await db.from('neighbourhoods').where('name', name).firstOrFail()).id)
}

async function residentIn(longitude: number, latitude: number) {
  const user = await createResident()
  await placeResident(user.id, { longitude, latitude, addressLabel: 'x', placement: 'map_pin' })
  return user.id
}

test.group('Scopes: which neighbourhoods a resident sees', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('neighbourhood scope: only their own', async ({ assert }) => {
    const camille = await residentIn(2.35409, 48.84766)
    assert.deepEqual(await visibleNeighbourhoodIds(camille, 'neighbourhood'), [
      await idOf('Saint-Victor'),
    ])
  })

  test('nearby scope: their own plus those touching or within 1 km, far ones excluded', async ({
    assert,
  }) => {
    const camille = await residentIn(2.35409, 48.84766)
    const ids = await visibleNeighbourhoodIds(camille, 'nearby')
    assert.equal(ids[0], await idOf('Saint-Victor'))
    assert.include(ids, await idOf('Jardin-des-Plantes'))
    assert.include(ids, await idOf('Notre-Dame'))
    assert.notInclude(ids, await idOf('Auteuil'))
    assert.notInclude(ids, await idOf('Belleville'))

    /** The precomputed pairs agree with a direct spatial check. */
    const { rows } = await db.rawQuery(
      `SELECT b.id FROM neighbourhoods a JOIN neighbourhoods b ON a.id <> b.id
        WHERE a.name = 'Saint-Victor' AND ST_DWithin(a.boundary::geography, b.boundary::geography, 1000)`
    )
    assert.sameMembers(
      ids.slice(1),
      rows.map((row: any) => Number(row.id))
    )
  })

  test('town scope: every neighbourhood of their town', async ({ assert }) => {
    const camille = await residentIn(2.35409, 48.84766)
    assert.lengthOf(await visibleNeighbourhoodIds(camille, 'town'), 80)
  })

  test('a resident placed outside every neighbourhood sees nothing', async ({ assert }) => {
    const karim = await residentIn(-1.6778, 48.1173)
    for (const scope of ['neighbourhood', 'nearby', 'town'] as const) {
      assert.deepEqual(await visibleNeighbourhoodIds(karim, scope), [])
    }
  })

  test('maySee answers item by item, by scope', async ({ assert }) => {
    const camille = await residentIn(2.35409, 48.84766)
    const own = await idOf('Saint-Victor')
    const next = await idOf('Jardin-des-Plantes')
    const far = await idOf('Auteuil')

    assert.isTrue(await maySee(camille, { neighbourhoodId: own, scope: 'neighbourhood' }))
    assert.isFalse(await maySee(camille, { neighbourhoodId: next, scope: 'neighbourhood' }))
    assert.isTrue(await maySee(camille, { neighbourhoodId: next, scope: 'nearby' }))
    assert.isFalse(await maySee(camille, { neighbourhoodId: far, scope: 'nearby' }))
    assert.isTrue(await maySee(camille, { neighbourhoodId: far, scope: 'town' }))

    const stranger = await createResident()
    assert.isFalse(await maySee(stranger.id, { neighbourhoodId: own, scope: 'town' }))
  })
})
