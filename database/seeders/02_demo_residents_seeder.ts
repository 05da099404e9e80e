import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import { demoResidents } from '#modules/accounts/index'
import { demoHomes } from '#modules/neighbourhoods/index'

/**
 * Confirmed demo residents living in two Paris quartiers (and two in
 * Ille-et-Vilaine towns without a neighbourhood yet, to try drawing one).
 * Their shared password is in README.md ("Demo accounts").
 */
export default class DemoResidentsSeeder extends BaseSeeder {
  async run() {
    const ids = await demoResidents.create(DateTime.now())
    await demoHomes.place(ids)
  }
}
