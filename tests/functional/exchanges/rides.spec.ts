import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { CommunityResident } from '#tests/helpers/community'
import {
  CLIGNANCOURT,
  GARE_DU_NORD,
  GARE_MONTPARNASSE,
  LA_DEFENSE,
  LYON,
  PLACE_MONGE,
  dayFromNow,
  errorsIn,
  exchangeRow,
  loadLyon,
  neighbour,
  post,
  rideFields,
  submitExchange,
} from '#tests/functional/exchanges/support'

type Point = { longitude: number; latitude: number }

function at(prefix: 'from' | 'to', point: Point, label: string) {
  return {
    [`${prefix}_label`]: label,
    [`${prefix}_latitude`]: String(point.latitude),
    [`${prefix}_longitude`]: String(point.longitude),
  }
}

/** The next `isoDay` (1 = Monday) at least 2 days from now, 'YYYY-MM-DD'. */
function next(isoDay: number): string {
  for (let days = 2; days < 10; days++) {
    const day = dayFromNow(days)
    const weekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1
    if (weekday === isoDay) return day
  }
  throw new Error('unreachable')
}

/** Searches like the form does (GET); gives the ride ids found, in order. */
async function search(person: CommunityResident, query: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)])
  ).toString()
  const page = await person.agent.get(`/rides?${qs}`)
  return {
    status: page.status,
    text: page.text,
    ids: [...page.text.matchAll(/id="ride-(\d+)"/g)].map((match) => Number(match[1])),
  }
}

function toward(point: Point, radiusKm = 1) {
  return { to_latitude: point.latitude, to_longitude: point.longitude, to_radius_km: radiusKm }
}

/** A point `metres` north of another. */
function north(point: Point, metres: number): Point {
  return { longitude: point.longitude, latitude: point.latitude + metres / 111_320 }
}

function book(person: CommunityResident, id: number, fields: Record<string, string> = {}) {
  return person.agent.submit(
    `/exchanges/${id}/book`,
    { seats: '1', ...fields },
    {
      from: `/exchanges/${id}`,
    }
  )
}

test.group('Rides: search', (group) => {
  group.setup(async () => {
    await loadParis()
    await loadLyon()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('destination near a point, origin near another, within a time window, town-wide', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    const tomorrow = dayFromNow(1)
    const rides = {
      mongeMontparnasse: await post(camille.agent, rideFields()),
      mongeNord: await post(
        camille.agent,
        rideFields({ title: 'Vers la gare du Nord', ...at('to', GARE_DU_NORD, 'Gare du Nord') })
      ),
      nordMontparnasseEvening: await post(
        karim.agent,
        rideFields({
          title: 'Gare du Nord → Montparnasse le soir',
          ...at('from', GARE_DU_NORD, 'Gare du Nord'),
          departure_time: '18:00',
          detour_km: '0',
        })
      ),
      weeklyDefense: await post(
        camille.agent,
        rideFields({
          title: 'Chaque lundi et mercredi vers la Défense',
          ...at('to', LA_DEFENSE, 'La Défense'),
          schedule: 'weekly',
          departure_date: undefined,
          weekdays: ['1', '3'],
          departure_time: '07:45',
          recurs_until: dayFromNow(60),
        })
      ),
      /** Neither: Karim's own quartier only, a request, a full ride. */
      karimOnly: await post(
        karim.agent,
        rideFields({ title: 'Entre voisins', scope: 'neighbourhood' })
      ),
      request: await post(camille.agent, rideFields({ title: 'Je cherche', direction: 'request' })),
      full: await post(camille.agent, rideFields({ title: 'Complet', seats: '1' })),
    }
    await db.from('exchange_rides').where('exchange_id', rides.full).update({ seats_left: 0 })

    const lea = await neighbour('Léa Dubois')
    const morning = { date: tomorrow, time_from: '07:00', time_until: '10:00' }
    assert.deepEqual((await search(lea, { ...toward(GARE_MONTPARNASSE), ...morning })).ids, [
      rides.mongeMontparnasse,
    ])
    /** The whole day: the evening one too (Karim's other quartier: town scope), soonest first. */
    const allDay = await search(lea, { ...toward(GARE_MONTPARNASSE), date: tomorrow })
    assert.deepEqual(allDay.ids, [rides.mongeMontparnasse, rides.nordMontparnasseEvening])
    assert.include(allDay.text, '2 trajets trouvés')
    assert.include(allDay.text, 'Karim B.')
    /** Origin near Place Monge: only the one leaving from there. */
    assert.deepEqual(
      (
        await search(lea, {
          ...toward(GARE_MONTPARNASSE),
          from_latitude: PLACE_MONGE.latitude,
          from_longitude: PLACE_MONGE.longitude,
          from_radius_km: 1,
          date: tomorrow,
        })
      ).ids,
      [rides.mongeMontparnasse]
    )
    assert.deepEqual((await search(lea, { ...toward(GARE_DU_NORD), ...morning })).ids, [
      rides.mongeNord,
    ])
    /** 1.5 km from the station with a 1 km radius: only the driver accepting a 1 km detour. */
    assert.deepEqual(
      (await search(lea, { ...toward(north(GARE_MONTPARNASSE, 1500)), date: tomorrow })).ids,
      [rides.mongeMontparnasse]
    )
    assert.deepEqual(
      (await search(lea, { ...toward(north(GARE_MONTPARNASSE, 2500)), date: tomorrow })).ids,
      []
    )
    /** Weekly: on its days, at its time. */
    assert.deepEqual(
      (
        await search(lea, {
          ...toward(LA_DEFENSE),
          date: next(1),
          time_from: '07:00',
          time_until: '09:00',
        })
      ).ids,
      [rides.weeklyDefense]
    )
    assert.deepEqual((await search(lea, { ...toward(LA_DEFENSE), date: next(2) })).ids, [])
    assert.deepEqual(
      (await search(lea, { ...toward(LA_DEFENSE), date: next(3), time_from: '08:00' })).ids,
      []
    )
    assert.deepEqual((await search(lea, { ...toward(LA_DEFENSE), date: dayFromNow(70) })).ids, [])
    /** Karim sees his own neighbourhood's ride; someone in another town sees none. */
    assert.includeMembers(
      (await search(karim, { ...toward(GARE_MONTPARNASSE), date: tomorrow })).ids,
      [rides.karimOnly, rides.mongeMontparnasse]
    )
    const paul = await neighbour('Paul Girard', { at: LYON })
    const far = await search(paul, { ...toward(GARE_MONTPARNASSE), date: tomorrow })
    assert.equal(far.status, 200)
    assert.deepEqual(far.ids, [])
    assert.include(far.text, 'Aucun trajet trouvé')
  })

  test('the search form without JavaScript, and its refusals', async ({ assert }) => {
    const lea = await neighbour('Léa Dubois')
    const empty = await lea.agent.get('/rides')
    assert.equal(empty.status, 200)
    assert.include(empty.text, 'name="to_latitude"')
    assert.include(empty.text, 'method="GET"')
    assert.notInclude(empty.text, 'id="ride-results"')

    const noPoint = await search(lea, { to_latitude: '', to_longitude: '', date: dayFromNow(1) })
    assert.equal(noPoint.status, 422)
    assert.include(errorsIn(noPoint.text).join(' '), "Placez le lieu d'arrivée sur la carte")
    const window = await search(lea, {
      ...toward(GARE_MONTPARNASSE),
      date: dayFromNow(1),
      time_from: '10:00',
      time_until: '08:00',
    })
    assert.equal(window.status, 422)
    assert.include(errorsIn(window.text)[0], "L'heure de fin doit suivre l'heure de début.")
    const past = await search(lea, { ...toward(GARE_MONTPARNASSE), date: dayFromNow(-2) })
    assert.equal(past.status, 422)
    const radius = await search(lea, { ...toward(GARE_MONTPARNASSE, 500), date: dayFromNow(1) })
    assert.equal(radius.status, 422)
    assert.include(errorsIn(radius.text)[0], 'au plus 50 km')
    const text = await search(lea, { to_latitude: 'nord', to_longitude: '2', date: dayFromNow(1) })
    assert.equal(text.status, 422)
    assert.include(text.text, 'value="nord"')
  })

  test('both ends are indexed with GIST on their geography', async ({ assert }) => {
    const { rows } = await db.rawQuery(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('exchange_rides', 'exchanges')`
    )
    const byName = new Map<string, string>(
      rows.map((row: { indexname: string; indexdef: string }) => [row.indexname, row.indexdef])
    )
    for (const name of ['exchange_rides_to_gist', 'exchange_rides_from_gist']) {
      assert.match(byName.get(name)!, /USING gist .*::geography/)
    }
    assert.match(byName.get('exchanges_search_gin')!, /USING gin \(search\)/)
    assert.match(
      byName.get('exchanges_feed_neighbourhood')!,
      /\(neighbourhood_id, published_at DESC, id DESC\)/
    )
    assert.match(byName.get('exchanges_feed_town')!, /\(town_id, published_at DESC, id DESC\)/)
    assert.match(byName.get('exchanges_feed_nearby')!, /scope/)
  })
})

test.group('Rides: booking seats', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('10 neighbours booking 3 seats at once: exactly 3 get one, never below zero', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, rideFields({ seats: '3' }))
    const passengers: CommunityResident[] = []
    for (let index = 0; index < 10; index++) {
      const passenger = await neighbour(`Passager${index} Test`)
      await passenger.agent.get(`/exchanges/${id}`)
      passengers.push(passenger)
    }
    const responses = await Promise.all(
      passengers.map((passenger) => passenger.agent.submit(`/exchanges/${id}/book`, { seats: '1' }))
    )
    const statuses = responses.map((response) => response.status).sort()
    assert.deepEqual(statuses, [302, 302, 302, 409, 409, 409, 409, 409, 409, 409])
    for (const response of responses.filter((r) => r.status === 409)) {
      assert.include(response.text, 'Ce trajet est complet.')
    }
    const ride = await db.from('exchange_rides').where('exchange_id', id).firstOrFail()
    assert.equal(Number(ride.seats_left), 0)
    const bookings = await db.from('ride_bookings').where({ exchange_id: id, status: 'booked' })
    assert.lengthOf(bookings, 3)
    assert.equal(
      bookings.reduce((sum, row) => sum + Number(row.seats), 0),
      3
    )
  })

  test('booking opens the conversation with the driver; cancelling gives the seat back', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, rideFields({ seats: '3' }))
    const lea = await neighbour('Léa Dubois')

    const page = await lea.agent.get(`/exchanges/${id}`)
    assert.include(page.text, 'id="booking-form"')
    const booked = await book(lea, id, { seats: '2', message: 'J’aurai un petit sac.' })
    assert.equal(booked.status, 302)
    const conversationId = Number(booked.location!.match(/^\/messages\/(\d+)$/)![1])
    const conversation = await db.from('conversations').where('id', conversationId).firstOrFail()
    assert.equal(conversation.subject_type, 'exchange')
    assert.equal(Number(conversation.subject_id), id)
    const [message] = await db.from('messages').where('conversation_id', conversationId)
    assert.equal(message.body, 'J’aurai un petit sac.')
    const [booking] = await db.from('ride_bookings')
    assert.equal(Number(booking.passenger_id), lea.id)
    assert.equal(Number(booking.seats), 2)
    assert.equal(Number(booking.conversation_id), conversationId)
    assert.equal(
      Number((await db.from('exchange_rides').where('exchange_id', id).firstOrFail()).seats_left),
      1
    )

    const mine = await lea.agent.get(`/exchanges/${id}`)
    assert.include(mine.text, 'Vous avez réservé 2 places.')
    assert.include(mine.text, `href="/messages/${conversationId}"`)
    const driver = await camille.agent.get(`/exchanges/${id}`)
    assert.include(driver.text, 'Léa D. : 2 places')
    assert.include(driver.text, '1 place libre sur 3')

    const again = await book(lea, id)
    assert.equal(again.status, 409)
    assert.include(again.text, 'Vous avez déjà une réservation sur ce trajet.')

    const karim = await neighbour('Karim Benali')
    const tooMany = await book(karim, id, { seats: '2' })
    assert.equal(tooMany.status, 409)
    assert.include(tooMany.text, 'Il ne reste qu&#x27;une place sur ce trajet.')

    const cancelled = await lea.agent.submit(
      `/exchanges/${id}/booking/cancel`,
      {},
      {
        from: `/exchanges/${id}`,
      }
    )
    assert.equal(cancelled.status, 302)
    assert.equal(
      Number((await db.from('exchange_rides').where('exchange_id', id).firstOrFail()).seats_left),
      3
    )
    const mail = await mailbox.waitFor(camille.email)
    assert.include(mail.subject, 'Réservation annulée')
    const twice = await lea.agent.submit(
      `/exchanges/${id}/booking/cancel`,
      {},
      {
        from: `/exchanges/${id}`,
      }
    )
    assert.equal(twice.status, 409)
    assert.include(twice.text, 'Vous n&#x27;avez pas de réservation sur ce trajet.')
    /** Booking again after cancelling is fine. */
    assert.equal((await book(lea, id)).status, 302)
  })

  test('who may not book, and what cannot be booked', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const ride = await post(camille.agent, rideFields())
    const request = await post(
      camille.agent,
      rideFields({ direction: 'request', title: 'Cherche' })
    )
    const gone = await post(camille.agent, rideFields({ title: 'Parti' }))
    await db
      .from('exchange_rides')
      .where('exchange_id', gone)
      .update({ departs_at: new Date(Date.now() - 60_000) })
    const lea = await neighbour('Léa Dubois')

    const own = await book(camille, ride)
    assert.equal(own.status, 403)
    assert.equal((await book(lea, request)).status, 409)
    const departed = await book(lea, gone)
    assert.equal(departed.status, 409)
    assert.include(departed.text, 'Ce trajet est déjà parti.')
    const hugo = await neighbour('Hugo Petit', { verified: false })
    const unverified = await book(hugo, ride)
    assert.equal(unverified.status, 403)
    assert.include(unverified.text, '/verify')
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    const scoped = await post(
      camille.agent,
      rideFields({ title: 'Entre voisins', scope: 'neighbourhood' })
    )
    await karim.agent.get('/exchanges/mine')
    assert.equal(
      (await karim.agent.submit(`/exchanges/${scoped}/book`, { seats: '1' })).status,
      404
    )
    const zero = await book(lea, ride, { seats: '0' })
    assert.equal(zero.status, 422)
    assert.lengthOf(await db.from('ride_bookings'), 0)
  })

  test('the driver cannot offer fewer seats than booked; cancelling the ride tells passengers', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, rideFields({ seats: '3' }))
    const lea = await neighbour('Léa Dubois')
    const karim = await neighbour('Karim Benali')
    await book(lea, id, { seats: '1' })
    await book(karim, id, { seats: '1' })

    const fewer = await submitExchange(camille.agent, rideFields({ seats: '1' }), [], {
      path: `/exchanges/${id}`,
      from: `/exchanges/${id}/edit`,
    })
    assert.equal(fewer.status, 422)
    assert.include(errorsIn(fewer.text)[0], 'Des passagers ont déjà réservé 2 places')
    const more = await submitExchange(camille.agent, rideFields({ seats: '5' }), [], {
      path: `/exchanges/${id}`,
      from: `/exchanges/${id}/edit`,
    })
    assert.equal(more.status, 302)
    const ride = await db.from('exchange_rides').where('exchange_id', id).firstOrFail()
    assert.equal(Number(ride.seats_offered), 5)
    assert.equal(Number(ride.seats_left), 3)

    mailbox.clear()
    const cancelled = await camille.agent.submit(
      `/exchanges/${id}/cancel`,
      {},
      {
        from: `/exchanges/${id}`,
      }
    )
    assert.equal(cancelled.status, 302)
    assert.equal((await exchangeRow(id)).status, 'cancelled')
    assert.lengthOf(await db.from('ride_bookings').where('status', 'booked'), 0)
    for (const passenger of [lea, karim]) {
      const mail = await mailbox.waitFor(passenger.email)
      assert.include(mail.subject, 'Trajet annulé')
    }
  })
})
