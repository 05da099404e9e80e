import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import { demoResidents } from '#modules/accounts/index'

/**
 * A few confirmed residents so that a fresh `npm start` is not empty.
 * Their shared password is printed in README.md ("Demo accounts").
 */
export default class DemoResidentsSeeder extends BaseSeeder {
  async run() {
    await demoResidents.create(DateTime.now())
  }
}
