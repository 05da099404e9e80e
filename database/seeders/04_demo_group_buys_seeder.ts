import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import { demoResidents } from '#modules/accounts/index'
import { demoGroupBuys } from '#modules/group_buys/index'

/** Two open group buys (pellets, heating oil) of the demo residents (see 02 and 03). */
export default class DemoGroupBuysSeeder extends BaseSeeder {
  async run() {
    const rows = await db
      .from('users')
      .whereIn(
        'email',
        demoResidents.people.map((person) => person.email)
      )
      .select('id', 'email')
    await demoGroupBuys.seed(new Map(rows.map((row) => [row.email, Number(row.id)])))
  }
}
