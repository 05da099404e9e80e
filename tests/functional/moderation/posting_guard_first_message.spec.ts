import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { startConversation } from '#modules/messaging/index'
import { LinksNotAllowedError } from '#modules/moderation/index'
import BookRide from '#modules/exchanges/actions/book_ride'
import { textOf } from '#tests/helpers/page_text'
import type { CommunityResident } from '#tests/helpers/community'
import {
  emptyPhotoFolder,
  loanFields,
  neighbour,
  post,
  rideFields,
} from '#tests/functional/exchanges/support'

/*
| The first message of a conversation is written by the exchanges
| actions (answering an exchange, booking a ride), not the thread's
| reply form: it keeps the same rules as any message (no links from an
| account under a week old, the kindness reminder) and, like messages,
| is not counted among the new resident's daily posts.
*/

const DAY = 24 * 3600_000
const LINKS_REFUSED = 'ne peuvent pas publier de liens'
const REMINDER = 'Certains mots de votre texte pourraient blesser vos voisins'
const PUBLISH_ANYWAY = /<input type="checkbox"[^>]*name="kindness_confirmed" value="1"/

async function accountAge(resident: CommunityResident, days: number) {
  await db
    .from('users')
    .where('id', resident.id)
    .update({ created_at: new Date(Date.now() - days * DAY) })
}

async function count(table: string): Promise<number> {
  const row = await db.from(table).count('* as total').first()
  return Number(row.total)
}

/** Nothing of an answer or a booking was written. */
async function assertNothingWritten(assert: { equal(a: unknown, b: unknown, m?: string): void }) {
  for (const table of [
    'conversations',
    'conversation_participants',
    'messages',
    'exchange_responses',
    'ride_bookings',
    'posting_log',
  ]) {
    assert.equal(await count(table), 0, table)
  }
}

function respond(person: CommunityResident, id: number, fields: Record<string, string> = {}) {
  return person.agent.submit(`/exchanges/${id}/respond`, fields, { from: `/exchanges/${id}` })
}

function book(person: CommunityResident, id: number, fields: Record<string, string> = {}) {
  return person.agent.submit(
    `/exchanges/${id}/book`,
    { seats: '1', ...fields },
    { from: `/exchanges/${id}` }
  )
}

async function seatsLeft(id: number): Promise<number> {
  const ride = await db.from('exchange_rides').where('exchange_id', id).firstOrFail()
  return Number(ride.seats_left)
}

test.group('Moderation: the first message of a conversation', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('answering an exchange: a 2-day-old account’s link is refused, an 8-day-old one’s passes', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields())
    const lea = await neighbour('Léa Dubois')
    await accountAge(lea, 2)

    const typed = 'Bonjour, la mienne est en photo sur www.mes-outils.fr, à échanger ?'
    const refused = await respond(lea, id, { message: typed })
    assert.equal(refused.status, 422)
    assert.include(textOf(refused), LINKS_REFUSED)
    assert.match(textOf(refused), /à partir du \d{1,2} \S+ \d{4}/)
    assert.include(refused.text, 'id="respond-form"')
    assert.include(refused.text, `${typed}</textarea>`)
    await assertNothingWritten(assert)

    await accountAge(lea, 8)
    const answered = await respond(lea, id, { message: typed })
    assert.equal(answered.status, 302)
    assert.match(answered.location ?? '', /^\/messages\/\d+$/)
    const [message] = await db.from('messages')
    assert.equal(message.body, typed)
    assert.equal(Number(message.sender_id), lea.id)
    assert.equal(await count('exchange_responses'), 1)
  })

  test('a new resident’s messages are not counted, and the default wording is not theirs', async ({
    assert,
  }) => {
    /** The author (past the first week) may put a domain in the title the default message quotes. */
    const camille = await neighbour('Camille Martin')
    const linked = await post(
      camille.agent,
      loanFields({ title: 'Perceuse, notice sur outils.fr' })
    )
    const plain = await post(camille.agent, loanFields({ title: 'Escabeau à prêter' }))
    const lea = await neighbour('Léa Dubois')
    await accountAge(lea, 2)

    const answered = await respond(lea, linked)
    assert.equal(answered.status, 302)
    const [message] = await db.from('messages')
    assert.include(message.body, 'outils.fr')
    assert.equal(
      (await respond(lea, plain, { message: 'Bonjour, disponible samedi ?' })).status,
      302
    )
    assert.equal(await count('messages'), 2)
    assert.equal(await count('posting_log'), 0)
  })

  test('an insult brings the reminder back with the typed text; "publish anyway" sends it', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields())
    const lea = await neighbour('Léa Dubois')

    const typed = 'Mon voisin, ce connard, a cassé la mienne : je peux emprunter la vôtre ?'
    const reminded = await respond(lea, id, { message: typed })
    assert.equal(reminded.status, 422)
    assert.include(textOf(reminded), REMINDER)
    assert.include(textOf(reminded), 'Mots concernés : connard')
    assert.match(reminded.text, PUBLISH_ANYWAY)
    /** The reminder sits inside the form that carries the text. */
    assert.match(
      reminded.text,
      /id="respond-form"[\s\S]*id="kindness-reminder"[\s\S]*name="kindness_confirmed"[\s\S]*<\/form>/
    )
    assert.include(reminded.text, `${typed}</textarea>`)
    await assertNothingWritten(assert)

    const sent = await respond(lea, id, { message: typed, kindness_confirmed: '1' })
    assert.equal(sent.status, 302)
    const [message] = await db.from('messages')
    assert.equal(message.body, typed)
  })

  test('booking a ride: a new resident’s link in the note is refused before any seat is taken', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, rideFields({ seats: '3' }))
    const lea = await neighbour('Léa Dubois')
    await accountAge(lea, 2)

    const typed = 'Je réserve, détails du trajet sur https://covoit.example.org/lea'
    const refused = await book(lea, id, { seats: '2', message: typed })
    assert.equal(refused.status, 422)
    assert.include(textOf(refused), LINKS_REFUSED)
    assert.include(refused.text, 'id="booking-form"')
    assert.include(refused.text, `${typed}</textarea>`)
    await assertNothingWritten(assert)
    assert.equal(await seatsLeft(id), 3)

    const booked = await book(lea, id, { seats: '2', message: 'J’aurai un petit sac.' })
    assert.equal(booked.status, 302)
    assert.equal(await seatsLeft(id), 1)
    const [message] = await db.from('messages')
    assert.equal(message.body, 'J’aurai un petit sac.')
    assert.equal(await count('posting_log'), 0)
  })

  test('booking a ride: an insulting note brings the reminder back in the booking form', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, rideFields({ seats: '3' }))
    const lea = await neighbour('Léa Dubois')

    const typed = 'Pas comme le dernier abruti qui m’a laissée sur le trottoir.'
    const reminded = await book(lea, id, { seats: '2', message: typed })
    assert.equal(reminded.status, 422)
    assert.include(textOf(reminded), REMINDER)
    assert.match(
      reminded.text,
      /id="booking-form"[\s\S]*id="kindness-reminder"[\s\S]*name="kindness_confirmed"[\s\S]*<\/form>/
    )
    assert.include(reminded.text, `${typed}</textarea>`)
    await assertNothingWritten(assert)
    assert.equal(await seatsLeft(id), 3)

    const booked = await book(lea, id, { seats: '2', message: typed, kindness_confirmed: '1' })
    assert.equal(booked.status, 302)
    assert.equal(await seatsLeft(id), 1)
    const [message] = await db.from('messages')
    assert.equal(message.body, typed)
  })

  test('the actions refuse it too, for callers that skip the form’s check', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const ride = await post(camille.agent, rideFields({ seats: '3' }))
    const lea = await neighbour('Léa Dubois')
    await accountAge(lea, 2)

    await assert.rejects(
      () => startConversation({ from: lea.id, to: camille.id, firstMessage: 'Voir bit.ly/promo' }),
      LinksNotAllowedError
    )
    await assert.rejects(
      () =>
        new BookRide().execute(lea.id, ride, {
          seats: 1,
          message: 'Voir www.covoit-promo.fr',
          defaultMessage: 'Je réserve 1 place.',
        }),
      LinksNotAllowedError
    )
    await assertNothingWritten(assert)
    assert.equal(await seatsLeft(ride), 3)

    /** The site's own wording may quote someone else's link. */
    await startConversation({
      from: lea.id,
      to: camille.id,
      firstMessage: 'Je suis intéressé(e) par « Perceuse, notice sur outils.fr »',
      firstMessageIsDefault: true,
    })
    assert.equal(await count('messages'), 1)
  })
})
