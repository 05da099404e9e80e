import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import GeographySeeder from '#database/seeders/01_geography_seeder'
import DemoResidentsSeeder from '#database/seeders/02_demo_residents_seeder'
import DemoVerificationsSeeder from '#database/seeders/03_demo_verifications_seeder'
import { DEMO_PASSWORD } from '#modules/accounts/index'
import { Agent } from '#tests/helpers/agent'
import { resetDatabase } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/residents'

async function neighbourhoodOf(email: string) {
  const { rows } = await db.rawQuery(
    `SELECT n.name, t.name AS town FROM users u JOIN residents r ON r.user_id = u.id
       LEFT JOIN neighbourhoods n ON n.id = r.neighbourhood_id LEFT JOIN towns t ON t.id = r.town_id
      WHERE u.email = ?`,
    [email]
  )
  return rows[0]
}

test.group('Demo data (npm start on an empty database)', (group) => {
  group.setup(() => resetDatabase())

  test('Paris quartiers, Ille-et-Vilaine communes, and residents in two living neighbourhoods', async ({
    assert,
  }) => {
    await new GeographySeeder(db.connection()).run()
    await new DemoResidentsSeeder(db.connection()).run()

    const towns = Number((await db.from('towns').count('* as n').firstOrFail()).n)
    assert.equal(towns, 346)
    assert.equal(Number((await db.from('neighbourhoods').count('* as n').firstOrFail()).n), 80)

    assert.deepEqual(await neighbourhoodOf('camille@demo.quartier.localhost'), {
      name: 'Saint-Georges',
      town: 'Paris',
    })
    assert.deepEqual(await neighbourhoodOf('lea@demo.quartier.localhost'), {
      name: 'Saint-Georges',
      town: 'Paris',
    })
    assert.deepEqual(await neighbourhoodOf('karim@demo.quartier.localhost'), {
      name: 'Clignancourt',
      town: 'Paris',
    })
    assert.deepEqual(await neighbourhoodOf('hugo@demo.quartier.localhost'), {
      name: 'Clignancourt',
      town: 'Paris',
    })
    assert.deepEqual(await neighbourhoodOf('sophie@demo.quartier.localhost'), {
      name: null,
      town: 'Saint-Malo',
    })
    assert.deepEqual(await neighbourhoodOf('tom@demo.quartier.localhost'), {
      name: null,
      town: 'Rennes',
    })

    const roles = await db.from('neighbourhood_roles').select('role')
    assert.sameMembers(
      roles.map((row) => row.role),
      ['super_voisin', 'moderator']
    )

    /** The verified demo residents have the record a verification leaves. */
    await new DemoVerificationsSeeder(db.connection()).run()
    const verified = await db
      .from('verifications')
      .join('users', 'users.id', 'verifications.user_id')
      .select('users.email', 'verifications.method')
    assert.sameMembers(
      verified.map((row) => row.email),
      [
        'camille@demo.quartier.localhost',
        'lea@demo.quartier.localhost',
        'karim@demo.quartier.localhost',
      ]
    )

    /** Seeding again (restart on a filled database) changes nothing. */
    await new GeographySeeder(db.connection()).run()
    await new DemoResidentsSeeder(db.connection()).run()
    await new DemoVerificationsSeeder(db.connection()).run()
    assert.equal(Number((await db.from('users').count('* as n').firstOrFail()).n), 7)
    assert.equal(Number((await db.from('verifications').count('* as n').firstOrFail()).n), 3)

    const agent = new Agent()
    await signIn(agent, 'camille@demo.quartier.localhost', DEMO_PASSWORD)
    assert.equal((await agent.get('/home')).location, '/neighbourhoods/saint-georges')
    const page = await agent.get('/neighbourhoods/saint-georges')
    assert.include(page.text, 'Proposer de nouvelles limites')
    assert.include(page.text, 'href="/super-voisin"')
    assert.notInclude(page.text, 'Back-office')

    const operator = new Agent()
    await signIn(operator, 'operator@demo.quartier.localhost', DEMO_PASSWORD)
    const home = await operator.get('/profile')
    assert.include(home.text, 'href="/operators"')
    assert.include(home.text, 'Back-office')
  })
})
