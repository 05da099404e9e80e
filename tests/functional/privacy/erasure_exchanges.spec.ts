import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  GARE_MONTPARNASSE,
  PLACE_MONGE,
  dayFromNow,
  exchangeRow,
  loanFields,
  post,
  rideFields,
} from '#tests/functional/exchanges/support'
import {
  erase,
  expectRedirect,
  person,
  type Person,
  placesHolding,
  respond,
} from '#tests/functional/privacy/support'

const DAY = 86_400_000

async function book(passenger: Person, rideId: number, seats: string) {
  const response = await passenger.agent.submit(
    `/exchanges/${rideId}/book`,
    { seats },
    { from: `/exchanges/${rideId}` }
  )
  expectRedirect(response, 'booking')
}

/** A ride from the resident's own door (as drivers often name it) to Montparnasse. */
function rideFromHome(resident: Person, title: string) {
  return rideFields({
    title,
    from_label: resident.address,
    from_latitude: String(PLACE_MONGE.latitude),
    from_longitude: String(PLACE_MONGE.longitude),
  })
}

async function booking(rideId: number, passengerId: number) {
  return db
    .from('ride_bookings')
    .where({ exchange_id: rideId, passenger_id: passengerId })
    .firstOrFail()
}

async function ridePlaces(rideId: number) {
  const { rows } = await db.rawQuery(
    `SELECT from_label, to_label, ST_X(from_point) AS from_lon, ST_Y(from_point) AS from_lat,
            ST_X(to_point) AS to_lon, ST_Y(to_point) AS to_lat, seats_left
       FROM exchange_rides WHERE exchange_id = ?`,
    [rideId]
  )
  return rows[0]
}

/** Makes a ride's trip (and so the ride) already over, as the clock would. */
async function departed(rideId: number) {
  const past = new Date(Date.now() - DAY)
  await db.from('exchange_rides').where('exchange_id', rideId).update({ departs_at: past })
  await db.from('exchanges').where('id', rideId).update({ expires_at: past })
}

test.group('Privacy: erasure and the exchanges under way', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('what Anna had under way is cancelled, the neighbours told, her places forgotten', async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const chloe = await person('Chloé', { street: 'rue Linné' })

    /** An open gift, a loan agreed with Bruno, a done gift. */
    const offer = await post(
      anna.agent,
      loanFields({ kind: 'gift', title: 'Collection de bandes dessinées', category: 'books' })
    )
    const loan = await post(anna.agent, loanFields())
    await respond(bruno.agent, loan, 'Je peux la prendre samedi ?')
    expectRedirect(
      await anna.agent.submit(
        `/exchanges/${loan}/agree`,
        { respondent_id: String(bruno.id), return_due_on: dayFromNow(10) },
        { from: `/exchanges/${loan}` }
      ),
      'agree'
    )
    const done = await post(anna.agent, loanFields({ kind: 'gift', title: 'Jeu de société' }))
    await db.from('exchanges').where('id', done).update({ status: 'done', closed_at: new Date() })

    /** Her ride tomorrow (Chloé booked 2 of 3 seats); her booking on Bruno's. */
    const annaRide = await post(anna.agent, rideFromHome(anna, 'Vers Montparnasse avec Anna'))
    await book(chloe, annaRide, '2')
    const brunoRide = await post(bruno.agent, rideFields({ title: 'Vers Montparnasse avec Bruno' }))
    await book(anna, brunoRide, '2')
    assert.equal((await ridePlaces(brunoRide)).seats_left, 1)
    /** A trip of Bruno's already made, with Anna aboard: history, left alone. */
    const pastRide = await post(bruno.agent, rideFields({ title: 'Le trajet d’hier' }))
    await book(anna, pastRide, '1')
    await departed(pastRide)

    /** Before: Bruno sees her gift in his feed and may answer it. */
    assert.include((await bruno.agent.get('/feed')).text, `href="/exchanges/${offer}"`)
    assert.include((await bruno.agent.get(`/exchanges/${offer}`)).text, 'id="respond-form"')

    mailbox.clear()
    const response = await erase(anna.agent)
    assert.equal(response.status, 302)

    /** Her exchanges under way are cancelled; what was over keeps its state. */
    for (const id of [offer, loan, annaRide]) {
      const row = await exchangeRow(id)
      assert.equal(row.status, 'cancelled', `exchange ${id}`)
      assert.isNotNull(row.closed_at)
    }
    const kept = await exchangeRow(done)
    assert.equal(kept.status, 'done')
    assert.equal(kept.title, 'Jeu de société')

    /** Chloé's seats on her ride, her own seats on Bruno's ride: cancelled, given back. */
    assert.equal((await booking(annaRide, chloe.id)).status, 'cancelled')
    assert.equal((await booking(brunoRide, anna.id)).status, 'cancelled')
    assert.equal((await ridePlaces(brunoRide)).seats_left, 3)
    assert.equal((await exchangeRow(brunoRide)).status, 'open')
    assert.equal((await booking(pastRide, anna.id)).status, 'booked')

    /** Her ride's places: unnamed, about a kilometre; Bruno's keep theirs. */
    const places = await ridePlaces(annaRide)
    assert.equal(places.from_label, '')
    assert.equal(places.to_label, '')
    assert.closeTo(Number(places.from_lon), 2.35, 1e-9)
    assert.closeTo(Number(places.from_lat), 48.84, 1e-9)
    assert.closeTo(Number(places.to_lon), 2.32, 1e-9)
    assert.closeTo(Number(places.to_lat), 48.84, 1e-9)
    const brunos = await ridePlaces(brunoRide)
    assert.equal(brunos.from_label, 'Place Monge')
    assert.closeTo(Number(brunos.to_lon), GARE_MONTPARNASSE.longitude, 1e-9)
    assert.deepEqual(await placesHolding(anna.address), [])

    /** Bruno (agreed loan, his passenger gone) and Chloé (her driver gone) are told. */
    const loanMail = await mailbox.waitFor(bruno.email, (mail) => mail.subject.includes('Perceuse'))
    assert.equal(loanMail.subject, 'Échange annulé : « Perceuse-visseuse à prêter »')
    assert.include(loanMail.text, 'a quitté Quartier')
    assert.include(loanMail.text, `/exchanges/${loan}`)
    const seatsMail = await mailbox.waitFor(bruno.email, (mail) =>
      mail.subject.includes('avec Bruno')
    )
    assert.equal(seatsMail.subject, 'Réservation annulée : « Vers Montparnasse avec Bruno »')
    assert.include(seatsMail.text, 'a quitté Quartier')
    assert.include(seatsMail.text, '2 places')
    const rideMail = await mailbox.waitFor(chloe.email)
    assert.equal(rideMail.subject, 'Trajet annulé : « Vers Montparnasse avec Anna »')
    assert.include(rideMail.text, 'a quitté Quartier')
    /** Nobody is told a trip already made was cancelled. */
    assert.isFalse(mailbox.messages.some((mail) => mail.subject.includes('hier')))

    /** The gift left the feed; its page says it is closed, with nothing to answer. */
    assert.notInclude((await bruno.agent.get('/feed')).text, `href="/exchanges/${offer}"`)
    const page = await bruno.agent.get(`/exchanges/${offer}`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'id="closed"')
    assert.notInclude(page.text, 'id="respond-form"')
    assert.include(page.text, 'Ancien·ne')
    assert.notInclude(page.text, 'Anna')

    /** Chloé's page of the ride names no place, and breaks nothing. */
    const ridePage = await chloe.agent.get(`/exchanges/${annaRide}`)
    assert.equal(ridePage.status, 200)
    const formerPlace = 'Lieu d&#x27;un·e ancien·ne voisin·e'
    assert.include(ridePage.text, `<span class="ride-facts__from">${formerPlace}</span>`)
    assert.include(ridePage.text, `<span class="ride-facts__to">${formerPlace}</span>`)
    assert.include(ridePage.text, `data-from-label="${formerPlace}"`)
    assert.include(ridePage.text, 'data-from="48.84,2.35"')
    assert.notInclude(ridePage.text, 'rue des Écoles')
  })

  test('an erasure with nothing under way still works; a trip already made stays as it was', async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const chloe = await person('Chloé', { street: 'rue Linné' })
    const ride = await post(anna.agent, rideFromHome(anna, 'Le trajet d’hier avec Anna'))
    await book(chloe, ride, '1')
    await departed(ride)
    mailbox.clear()

    assert.equal((await erase(anna.agent)).status, 302)
    const user = await db.from('users').where('id', anna.id).firstOrFail()
    assert.isNotNull(user.erased_at)
    /** The hourly job closes it as done, as for anyone; nobody is told it was cancelled. */
    assert.equal((await exchangeRow(ride)).status, 'open')
    assert.equal((await booking(ride, chloe.id)).status, 'booked')
    const places = await ridePlaces(ride)
    assert.equal(places.from_label, '')
    assert.closeTo(Number(places.from_lat), 48.84, 1e-9)
    assert.lengthOf(mailbox.to(chloe.email), 0)

    /** Someone with no exchange at all. */
    const bruno = await person('Bruno', { street: 'rue Monge' })
    assert.equal((await erase(bruno.agent)).status, 302)
    assert.isNotNull((await db.from('users').where('id', bruno.id).firstOrFail()).erased_at)
  })

  test("Anna's answers to open posts are withdrawn; the author of a loan agreed with her is told", async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const chloe = await person('Chloé', { street: 'rue Linné' })
    const gift = await post(
      bruno.agent,
      loanFields({ kind: 'gift', title: 'Lot de pots de fleurs' })
    )
    await respond(anna.agent, gift, 'Je les prendrais volontiers')
    const loan = await post(chloe.agent, loanFields({ title: 'Perceuse à prêter' }))
    await respond(anna.agent, loan, 'Je peux la prendre samedi ?')
    expectRedirect(
      await chloe.agent.submit(
        `/exchanges/${loan}/agree`,
        { respondent_id: String(anna.id), return_due_on: dayFromNow(10) },
        { from: `/exchanges/${loan}` }
      ),
      'agree'
    )
    const answers = () => db.from('exchange_responses').where('respondent_id', anna.id)
    assert.lengthOf(await answers(), 2)

    mailbox.clear()
    assert.equal((await erase(anna.agent)).status, 302)

    /** Bruno can no longer choose her; the loan keeps its state (the drill may be with her). */
    assert.deepEqual(
      (await answers()).map((row) => Number(row.exchange_id)),
      [loan]
    )
    assert.equal((await exchangeRow(gift)).status, 'open')
    assert.equal((await exchangeRow(loan)).status, 'agreed')
    const told = await mailbox.waitFor(chloe.email)
    assert.equal(told.subject, 'Votre voisin·e a quitté Quartier : « Perceuse à prêter »')
    assert.include(told.text, `/exchanges/${loan}`)
    assert.lengthOf(mailbox.to(bruno.email), 0)
  })
})
