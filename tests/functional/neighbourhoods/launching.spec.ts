import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident, recordAddressProof } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

async function victor() {
  return db.from('neighbourhoods').where('slug', 'saint-victor').firstOrFail()
}

test.group('A launching neighbourhood opens with its 10th verified resident', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(async () => {
    await db.from('neighbourhoods').update({ status: 'launching', opened_at: null })
  })

  test('progress shows on the page; the 10th proof opens it', async ({ assert }) => {
    const ids: number[] = []
    for (let i = 0; i < 10; i++) {
      const user = await createResident()
      await placeResident(user.id, {
        longitude: 2.35409 + i * 0.0001,
        latitude: 48.84766,
        addressLabel: `${i} rue Linné`,
        placement: 'map_pin',
      })
      ids.push(user.id)
    }
    for (const id of ids.slice(0, 9)) {
      assert.deepEqual(await recordAddressProof(id), { verified: true, neighbourhoodOpened: false })
    }
    const page = await new Agent().get('/neighbourhoods/saint-victor')
    assert.include(page.text, '9 habitants vérifiés sur 10 pour ouvrir le quartier.')
    assert.match(page.text, /<progress\s+class="progress"\s+max="10"\s+value="9"/)
    assert.equal((await victor()).status, 'launching')

    assert.deepEqual(await recordAddressProof(ids[9]), {
      verified: true,
      neighbourhoodOpened: true,
    })
    assert.equal((await victor()).status, 'open')
    assert.isNotNull((await victor()).opened_at)
    assert.notInclude(
      (await new Agent().get('/neighbourhoods/saint-victor')).text,
      'Quartier en lancement'
    )

    /** Proving again changes nothing. */
    assert.deepEqual(await recordAddressProof(ids[9]), {
      verified: true,
      neighbourhoodOpened: false,
    })
  })

  test('an account without a home cannot be verified', async ({ assert }) => {
    const user = await createResident()
    assert.deepEqual(await recordAddressProof(user.id), {
      verified: false,
      neighbourhoodOpened: false,
    })
  })
})
