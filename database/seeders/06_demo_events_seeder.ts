import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { createEvent } from '#modules/events/index'
import { neighbourhoodAt } from '#modules/neighbourhoods/index'
import { demoIds, findDemoOrganisation } from '#database/seeders/05_demo_organisations_seeder'

const ASSOCIATION = 'Les Jardiniers de Saint-Georges'
const TITLE = 'Troc de graines et plantation des jardinières'
/** Neighbours who already said they are going. */
const GOING = ['camille@demo.quartier.localhost', 'lea@demo.quartier.localhost']

/**
 * The association's upcoming event (in ten days, 10 h to 12 h 30 Paris
 * time) in Saint-Georges, posted through the events module,
 * with two demo residents going. Skipped when already there.
 */
export default class DemoEventsSeeder extends BaseSeeder {
  async run() {
    const ids = await demoIds()
    const association = await findDemoOrganisation(ASSOCIATION)
    const karimId = ids.get('karim@demo.quartier.localhost')
    if (!association || !karimId) return
    if (await db.from('events').where({ organisation_id: association.id, title: TITLE }).first()) {
      return
    }
    const place = { longitude: 2.3381, latitude: 48.8789 }
    const neighbourhoodId = await neighbourhoodAt(place)
    if (neighbourhoodId === null) return
    const day = DateTime.now().setZone('Europe/Paris').plus({ days: 10 }).startOf('day')
    const eventId = await createEvent(
      {
        kind: 'organisation',
        organisationId: Number(association.id),
        userId: karimId,
        neighbourhoodId,
        townId: Number(association.town_id),
        street: null,
      },
      {
        title: TITLE,
        description:
          'Apportez vos graines, boutures et pots vides : on échange, puis on plante ensemble les jardinières de la rue. Outils et terreau fournis.',
        category: 'workshop',
        placeLabel: 'Square Alex-Biscarre, 31 rue Notre-Dame-de-Lorette',
        ...place,
        startsAt: day.set({ hour: 10 }).toJSDate(),
        endsAt: day.set({ hour: 12, minute: 30 }).toJSDate(),
        capacity: 25,
        scope: 'nearby',
      }
    )
    /** Their answers and the count together, as the RSVP action writes them. */
    const going = GOING.map((email) => ids.get(email)).filter((id) => id !== undefined)
    if (going.length === 0) return
    await db.transaction(async (trx) => {
      const now = new Date()
      await trx.table('event_rsvps').multiInsert(
        going.map((userId) => ({
          event_id: eventId,
          user_id: userId,
          answer: 'going',
          created_at: now,
          updated_at: now,
        }))
      )
      await trx.from('events').where('id', eventId).update({ going_count: going.length })
    })
  }
}
