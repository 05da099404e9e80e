import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { demoResidents } from '#modules/accounts/index'
import { demoVerifications } from '#modules/verification/index'
import db from '@adonisjs/lucid/services/db'

/** Verification records for the demo residents who are verified (see 02). */
export default class DemoVerificationsSeeder extends BaseSeeder {
  async run() {
    const rows = await db
      .from('users')
      .whereIn(
        'email',
        demoResidents.people.map((person) => person.email)
      )
      .select('id')
    await demoVerifications.record(rows.map((row) => Number(row.id)))
  }
}
