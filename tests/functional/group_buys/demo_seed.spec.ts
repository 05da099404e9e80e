import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import GeographySeeder from '#database/seeders/01_geography_seeder'
import DemoResidentsSeeder from '#database/seeders/02_demo_residents_seeder'
import DemoVerificationsSeeder from '#database/seeders/03_demo_verifications_seeder'
import DemoGroupBuysSeeder from '#database/seeders/04_demo_group_buys_seeder'
import { feedViewerFor } from '#modules/feed/index'
import { groupBuysFeedSource } from '#modules/group_buys/services/feed_source'
import { resetDatabase } from '#tests/helpers/database'

async function userId(email: string): Promise<number> {
  return Number((await db.from('users').where('email', email).firstOrFail()).id)
}

test.group('Group buys: demo data', (group) => {
  group.setup(() => resetDatabase())
  group.teardown(() => resetDatabase())

  test('an open pellets campaign in Saint-Georges and a town-wide heating-oil one', async ({
    assert,
  }) => {
    for (const Seeder of [
      GeographySeeder,
      DemoResidentsSeeder,
      DemoVerificationsSeeder,
      DemoGroupBuysSeeder,
    ]) {
      await new Seeder(db.connection()).run()
    }
    const campaigns = await db.from('group_buys').orderBy('id')
    assert.deepEqual(
      campaigns.map((row) => [row.unit, row.status, row.scope, Number(row.total_milli)]),
      [
        ['kg', 'open', 'neighbourhood', 450_000],
        ['litre', 'open', 'town', 800_000],
      ]
    )
    assert.lengthOf(await db.from('group_buy_tiers'), 4)
    assert.lengthOf(await db.from('group_buy_pledges'), 2)

    const titles = async (email: string) => {
      const items = await groupBuysFeedSource.items({
        viewer: await feedViewerFor(await userId(email), 'fr'),
        filters: {},
        before: null,
        limit: 10,
      })
      return items.map((item) => item.title).sort()
    }
    assert.deepEqual(await titles('lea@demo.quartier.localhost'), [
      'Fioul domestique : commande groupée',
      'Granulés de bois pour cet hiver',
    ])
    assert.deepEqual(await titles('karim@demo.quartier.localhost'), [
      'Fioul domestique : commande groupée',
    ])
  }).timeout(120_000)
})
