import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ProcessExpiries from '#modules/exchanges/actions/process_expiries'
import RemindLoanReturns from '#modules/exchanges/actions/remind_loan_returns'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { pngBytes } from '#tests/helpers/files'
import { linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { CommunityResident } from '#tests/helpers/community'
import {
  CLIGNANCOURT,
  dayFromNow,
  emptyPhotoFolder,
  errorsIn,
  exchangeRow,
  loanFields,
  neighbour,
  photoFiles,
  post,
  rideFields,
} from '#tests/functional/exchanges/support'

const DAY = 86_400_000

/** Presses one of the exchange page's buttons (a form POST with the page's CSRF token). */
function step(
  person: CommunityResident,
  id: number,
  action: string,
  fields: Record<string, string | undefined> = {}
) {
  return person.agent.submit(`/exchanges/${id}/${action}`, fields, { from: `/exchanges/${id}` })
}

/** Answers an exchange; gives the conversation id it led to. */
async function respond(person: CommunityResident, id: number, message?: string) {
  const response = await step(person, id, 'respond', { message })
  const match = response.location?.match(/^\/messages\/(\d+)$/)
  if (response.status !== 302 || !match) {
    throw new Error(`respond refused (${response.status}): ${errorsIn(response.text).join(' | ')}`)
  }
  return Number(match[1])
}

function gift(title = 'Lot de livres pour enfants') {
  return loanFields({ kind: 'gift', title, category: 'books' })
}

test.group('Exchanges: answering and agreeing', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('"Je suis intéressé(e)" opens the conversation with the author and records the respondent', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, gift())
    const lea = await neighbour('Léa Dubois')

    const page = await lea.agent.get(`/exchanges/${id}`)
    assert.include(page.text, 'Je suis intéressé(e)')
    const conversationId = await respond(lea, id, 'Bonjour ! Mes enfants adorent lire.')

    const conversation = await db.from('conversations').where('id', conversationId).firstOrFail()
    assert.equal(conversation.subject_type, 'exchange')
    assert.equal(Number(conversation.subject_id), id)
    assert.equal(conversation.subject_url, `/exchanges/${id}`)
    assert.equal(conversation.subject_title, 'Lot de livres pour enfants')
    assert.sameMembers(
      [Number(conversation.user_low_id), Number(conversation.user_high_id)],
      [camille.id, lea.id]
    )
    const [message] = await db.from('messages').where('conversation_id', conversationId)
    assert.equal(message.body, 'Bonjour ! Mes enfants adorent lire.')
    assert.equal(Number(message.sender_id), lea.id)
    const responses = await db.from('exchange_responses')
    assert.lengthOf(responses, 1)
    assert.equal(Number(responses[0].respondent_id), lea.id)
    assert.equal(Number(responses[0].conversation_id), conversationId)

    /** The thread is theirs to read. */
    assert.equal((await lea.agent.get(`/messages/${conversationId}`)).status, 200)
    assert.equal((await camille.agent.get(`/messages/${conversationId}`)).status, 200)

    /** Answering again without a word leads back to the same conversation. */
    assert.equal(await respond(lea, id), conversationId)
    assert.lengthOf(await db.from('exchange_responses'), 1)
    assert.lengthOf(await db.from('messages'), 1)
    const again = await lea.agent.get(`/exchanges/${id}`)
    assert.include(again.text, 'Vous avez déjà répondu à cette annonce.')
    assert.include(again.text, `href="/messages/${conversationId}"`)

    /** The author sees who answered, with the conversation. */
    const authorPage = await camille.agent.get(`/exchanges/${id}`)
    assert.include(authorPage.text, 'Léa D.')
    assert.include(authorPage.text, `<option value="${lea.id}"`)
    assert.include(authorPage.text, `href="/messages/${conversationId}"`)
  })

  test('without a message, a polite first one is written; a request says "Je peux aider"', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const request = await post(
      camille.agent,
      loanFields({
        kind: 'service',
        direction: 'request',
        title: 'Monter une armoire',
        category: 'diy',
      })
    )
    const karim = await neighbour('Karim Benali')
    assert.include((await karim.agent.get(`/exchanges/${request}`)).text, 'Je peux aider')
    const conversationId = await respond(karim, request)
    const [message] = await db.from('messages').where('conversation_id', conversationId)
    assert.equal(message.body, 'Bonjour, je peux vous aider pour « Monter une armoire ».')
  })

  test('who may not answer: the author, unverified, out of scope, blocked, a ride offer', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, gift())
    const ride = await post(camille.agent, rideFields({ scope: 'neighbourhood' }))

    const own = await step(camille, id, 'respond')
    assert.equal(own.status, 403)
    assert.include(own.text, 'C&#x27;est votre propre annonce.')

    const hugo = await neighbour('Hugo Petit', { verified: false })
    const unverified = await step(hugo, id, 'respond')
    assert.equal(unverified.status, 403)
    assert.include(unverified.text, '/verify')

    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    await karim.agent.get('/exchanges/mine')
    const far = await karim.agent.submit(`/exchanges/${id}/respond`, {})
    assert.equal(far.status, 404)

    const lea = await neighbour('Léa Dubois')
    const onRide = await step(lea, ride, 'respond')
    assert.equal(onRide.status, 409)
    assert.include(onRide.text, 'les passagers réservent leurs places')

    /** Camille blocks Léa from their conversation: Léa can answer nothing of hers any more. */
    const other = await post(camille.agent, gift('Jeux de société'))
    const conversationId = await respond(lea, other)
    await camille.agent.submit(
      `/messages/${conversationId}/block`,
      {},
      {
        from: `/messages/${conversationId}`,
      }
    )
    const blocked = await step(lea, id, 'respond', { message: 'Coucou' })
    assert.equal(blocked.status, 403)
    assert.include(blocked.text, 'Vous ne pouvez pas échanger avec cette personne.')
    const tooLong = await step(lea, id, 'respond', { message: 'x'.repeat(1001) })
    assert.equal(tooLong.status, 422)
    assert.include(errorsIn(tooLong.text)[0], 'au plus 1000 caractères')
    assert.lengthOf(await db.from('exchange_responses').where('exchange_id', id), 0)
  })

  test('the author agrees with a respondent, then marks it done; the photos go', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, gift(), [{ name: 'livres.png', bytes: await pngBytes() }])
    assert.lengthOf(await photoFiles(), 1)
    const lea = await neighbour('Léa Dubois')
    const karim = await neighbour('Karim Benali')
    await respond(lea, id)
    const nina = await neighbour('Nina Roux')

    /** Only among those who answered; only the author. */
    const stranger = await step(camille, id, 'agree', { respondent_id: String(nina.id) })
    assert.equal(stranger.status, 422)
    assert.include(errorsIn(stranger.text)[0], 'Choisissez un voisin parmi ceux qui ont répondu.')
    const notAuthor = await step(karim, id, 'agree', { respondent_id: String(lea.id) })
    assert.equal(notAuthor.status, 403)
    assert.include(notAuthor.text, 'Seul l&#x27;auteur de l&#x27;annonce peut faire cela.')
    const garbage = await step(camille, id, 'agree', { respondent_id: 'léa' })
    assert.equal(garbage.status, 422)
    assert.equal((await exchangeRow(id)).status, 'open')

    const agreed = await step(camille, id, 'agree', { respondent_id: String(lea.id) })
    assert.equal(agreed.status, 302)
    assert.equal(agreed.location, `/exchanges/${id}`)
    const row = await exchangeRow(id)
    assert.equal(row.status, 'agreed')
    assert.equal(Number(row.agreed_with_id), lea.id)
    assert.isNotNull(row.agreed_at)
    const mail = await mailbox.waitFor(lea.email)
    assert.equal(mail.subject, 'C’est conclu : « Lot de livres pour enfants »'.replace('’', "'"))
    assert.include(mail.text, 'Camille M. a conclu')
    assert.equal(linkIn(mail.text, '/exchanges/'), `/exchanges/${id}`)
    assert.include((await lea.agent.get(`/exchanges/${id}`)).text, 'id="agreed-with-you"')
    assert.include((await karim.agent.get(`/exchanges/${id}`)).text, 'conclu avec un autre voisin')
    assert.include((await camille.agent.get(`/exchanges/${id}`)).text, 'Échange conclu avec Léa D.')
    /** Out of the feed: no longer available. */
    const { exchangesFeedSource } = await import('#modules/exchanges/services/feed_source')
    const { feedViewerFor } = await import('#modules/feed/index')
    const items = await exchangesFeedSource.items({
      viewer: await feedViewerFor(karim.id, 'fr'),
      filters: {},
      before: null,
      limit: 10,
    })
    assert.deepEqual(items, [])

    const done = await step(camille, id, 'done')
    assert.equal(done.status, 302)
    const closed = await exchangeRow(id)
    assert.equal(closed.status, 'done')
    assert.isNotNull(closed.closed_at)
    assert.deepEqual(await photoFiles(), [])
    assert.lengthOf(await db.from('exchange_photos'), 0)
  })

  test('every illegal step is refused with 409 and a clear message; nothing changes', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    /** One exchange in each state. */
    const open = await post(camille.agent, gift('Ouverte'))
    const agreed = await post(camille.agent, gift('Conclue'))
    await respond(lea, agreed)
    await step(camille, agreed, 'agree', { respondent_id: String(lea.id) })
    const done = await post(camille.agent, gift('Terminée'))
    await respond(lea, done)
    await step(camille, done, 'agree', { respondent_id: String(lea.id) })
    await step(camille, done, 'done')
    const cancelled = await post(camille.agent, gift('Retirée'))
    await step(camille, cancelled, 'cancel')
    const expired = await post(camille.agent, gift('Expirée'))
    await db
      .from('exchanges')
      .where('id', expired)
      .update({ expires_at: new Date(Date.now() - 60_000) })
    await new ProcessExpiries().execute()
    const ids = { open, agreed, done, cancelled, expired }
    const states = await db.from('exchanges').orderBy('id').select('id', 'status')
    assert.deepEqual(
      states.map((row) => row.status),
      ['open', 'agreed', 'done', 'cancelled', 'expired']
    )

    const refused: [keyof typeof ids, string, CommunityResident, string][] = [
      [
        'open',
        'done',
        camille,
        'Cette étape vient après l&#x27;accord avec un voisin ; l&#x27;annonce est ouverte.',
      ],
      ['open', 'returned', camille, 'Seul un prêt a un retour à confirmer.'],
      ['agreed', 'agree', camille, 'Cette annonce n&#x27;est plus ouverte (elle est conclue)'],
      ['agreed', 'extend', camille, 'n&#x27;est plus ouverte (elle est conclue)'],
      ['agreed', 'respond', lea, 'n&#x27;est plus ouverte (elle est conclue)'],
      ['done', 'agree', camille, 'n&#x27;est plus ouverte (elle est terminée)'],
      ['done', 'done', camille, 'l&#x27;annonce est terminée'],
      [
        'done',
        'cancel',
        camille,
        'Cette annonce est déjà terminée : il n&#x27;y a plus rien à annuler.',
      ],
      ['done', 'extend', camille, 'elle est terminée'],
      ['done', 'respond', lea, 'elle est terminée'],
      ['cancelled', 'agree', camille, 'elle est retirée'],
      ['cancelled', 'done', camille, 'l&#x27;annonce est retirée'],
      ['cancelled', 'cancel', camille, 'déjà retirée'],
      ['cancelled', 'extend', camille, 'elle est retirée'],
      ['cancelled', 'respond', lea, 'elle est retirée'],
      ['expired', 'agree', camille, 'elle est expirée'],
      ['expired', 'done', camille, 'l&#x27;annonce est expirée'],
      ['expired', 'cancel', camille, 'déjà expirée'],
      ['expired', 'extend', camille, 'elle est expirée'],
      ['expired', 'respond', lea, 'elle est expirée'],
    ]
    for (const [state, action, who, message] of refused) {
      const response = await step(who, ids[state], action, { respondent_id: String(lea.id) })
      assert.equal(response.status, 409, `${action} on ${state}`)
      assert.include(response.text, message, `${action} on ${state}`)
    }
    for (const state of ['agreed', 'done', 'cancelled', 'expired'] as const) {
      const edit = await camille.agent.get(`/exchanges/${ids[state]}/edit`)
      assert.equal(edit.status, 409, `edit on ${state}`)
    }
    /** Steps only the author takes, by someone else: 403. */
    for (const action of ['done', 'cancel', 'extend']) {
      assert.equal((await step(lea, open, action)).status, 403, `${action} by another`)
    }
    assert.deepEqual(
      (await db.from('exchanges').orderBy('id').select('status')).map((row) => row.status),
      ['open', 'agreed', 'done', 'cancelled', 'expired']
    )
  })

  test('cancelling an agreed exchange tells the chosen neighbour', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await post(camille.agent, gift())
    await respond(lea, id)
    await step(camille, id, 'agree', { respondent_id: String(lea.id) })
    mailbox.clear()
    assert.equal((await step(camille, id, 'cancel')).status, 302)
    assert.equal((await exchangeRow(id)).status, 'cancelled')
    const mail = await mailbox.waitFor(lea.email)
    assert.include(mail.subject, 'Échange annulé')
  })
})

test.group('Exchanges: expiry and reminders', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('3 days before the end the author is reminded once, may extend once, then it expires', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, gift(), [{ name: 'livres.png', bytes: await pngBytes() }])
    const other = await post(camille.agent, gift('Jeux'))
    const lea = await neighbour('Léa Dubois')

    /** Not yet: 30 days ahead. */
    assert.deepEqual(await new ProcessExpiries().execute(), {
      reminded: 0,
      expired: 0,
      finished: 0,
      photos: 0,
    })

    /** Published 28 days ago: 2 days left. */
    const publishedAt = new Date(Date.now() - 28 * DAY)
    await db
      .from('exchanges')
      .where('id', id)
      .update({ published_at: publishedAt, expires_at: new Date(publishedAt.getTime() + 30 * DAY) })
    assert.equal((await new ProcessExpiries().execute()).reminded, 1)
    const mail = await mailbox.waitFor(camille.email)
    assert.equal(mail.subject, 'Votre annonce « Lot de livres pour enfants » expire bientôt')
    assert.include(mail.text, 'Prolonger ou retirer l')
    assert.include(mail.text, 'prolonger une fois de 30 jours')
    assert.equal(linkIn(mail.text, '/exchanges/'), `/exchanges/${id}`)
    assert.include(mail.text, `/exchanges/${id}#end`)
    assert.isNotNull((await exchangeRow(id)).expiry_reminded_at)
    /** Once only. */
    assert.equal((await new ProcessExpiries().execute()).reminded, 0)
    assert.lengthOf(mailbox.to(camille.email), 1)

    /** The page the mail leads to offers both. */
    const page = await camille.agent.get(`/exchanges/${id}`)
    assert.include(page.text, `action="/exchanges/${id}/extend"`)
    assert.include(page.text, `action="/exchanges/${id}/cancel"`)

    const before = (await exchangeRow(id)).expires_at.getTime()
    const extended = await step(camille, id, 'extend')
    assert.equal(extended.status, 302)
    const row = await exchangeRow(id)
    assert.equal(row.expires_at.getTime() - before, 30 * DAY)
    assert.isNotNull(row.extended_at)
    assert.isNull(row.expiry_reminded_at)
    assert.notInclude(
      (await camille.agent.get(`/exchanges/${id}`)).text,
      `action="/exchanges/${id}/extend"`
    )
    const twice = await step(camille, id, 'extend')
    assert.equal(twice.status, 409)
    assert.include(twice.text, 'déjà été prolongée une fois')

    /** 2 days before the new end: a last reminder, without the extension. */
    await db
      .from('exchanges')
      .where('id', id)
      .update({ expires_at: new Date(Date.now() + 2 * DAY) })
    mailbox.clear()
    assert.equal((await new ProcessExpiries().execute()).reminded, 1)
    const last = await mailbox.waitFor(camille.email)
    assert.include(last.text, 'ne peut plus être prolongée')

    /** Past the end: expired, out of the feed, photos deleted; the other one stays. */
    await db
      .from('exchanges')
      .where('id', id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    assert.deepEqual(await new ProcessExpiries().execute(), {
      reminded: 0,
      expired: 1,
      finished: 0,
      photos: 0,
    })
    const expired = await exchangeRow(id)
    assert.equal(expired.status, 'expired')
    assert.isNotNull(expired.closed_at)
    assert.deepEqual(await photoFiles(), [])
    assert.equal((await exchangeRow(other)).status, 'open')
    assert.include((await lea.agent.get(`/exchanges/${id}`)).text, 'Cette annonce a expiré')
    /** Idempotent. */
    assert.equal((await new ProcessExpiries().execute()).expired, 0)
  })

  test('the mail link\'s "close it" withdraws the exchange', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, gift())
    await db
      .from('exchanges')
      .where('id', id)
      .update({ expires_at: new Date(Date.now() + DAY) })
    await new ProcessExpiries().execute()
    await mailbox.waitFor(camille.email)
    assert.equal((await step(camille, id, 'cancel')).status, 302)
    assert.equal((await exchangeRow(id)).status, 'cancelled')
  })

  test('agreed exchanges do not expire; rides end at departure', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await post(camille.agent, gift())
    await respond(lea, id)
    await step(camille, id, 'agree', { respondent_id: String(lea.id) })
    const empty = await post(camille.agent, rideFields())
    const booked = await post(camille.agent, rideFields({ title: 'Vers Montparnasse, bis' }))
    await lea.agent.submit(
      `/exchanges/${booked}/book`,
      { seats: '1' },
      { from: `/exchanges/${booked}` }
    )
    await db.from('exchanges').update({ expires_at: new Date(Date.now() - 1000) })
    mailbox.clear()
    const report = await new ProcessExpiries().execute()
    assert.equal(report.reminded, 0)
    assert.equal((await exchangeRow(id)).status, 'agreed')
    assert.equal((await exchangeRow(empty)).status, 'expired')
    assert.equal((await exchangeRow(booked)).status, 'done')
    assert.deepEqual(mailbox.to(camille.email), [])
  })
})

test.group('Exchanges: loans', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a loan has a return date, a reminder the day before, and ends when the lender confirms', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await post(camille.agent, loanFields())
    await respond(lea, id, 'Je peux l’emprunter samedi ?')

    const noDate = await step(camille, id, 'agree', { respondent_id: String(lea.id) })
    assert.equal(noDate.status, 422)
    assert.include(errorsIn(noDate.text)[0], 'Indiquez la date à laquelle l')
    const past = await step(camille, id, 'agree', {
      respondent_id: String(lea.id),
      return_due_on: dayFromNow(-1),
    })
    assert.equal(past.status, 422)
    assert.include(errorsIn(past.text)[0], 'ne peut pas être déjà passée')
    assert.equal((await exchangeRow(id)).status, 'open')

    const agreed = await step(camille, id, 'agree', {
      respondent_id: String(lea.id),
      return_due_on: dayFromNow(5),
    })
    assert.equal(agreed.status, 302)
    assert.equal((await exchangeRow(id)).status, 'agreed')
    const agreedMail = await mailbox.waitFor(lea.email)
    assert.include(agreedMail.text, 'est à rendre le')
    assert.include((await lea.agent.get(`/exchanges/${id}`)).text, 'À rendre le')

    /** Five days ahead: no reminder yet. */
    mailbox.clear()
    assert.deepEqual(await new RemindLoanReturns().execute(), { reminded: 0 })
    /** Due tomorrow: the borrower is reminded, once. */
    await db
      .from('exchanges')
      .where('id', id)
      .update({ return_due_on: dayFromNow(1) })
    assert.deepEqual(await new RemindLoanReturns().execute(), { reminded: 1 })
    const reminder = await mailbox.waitFor(lea.email)
    assert.equal(reminder.subject, 'Rappel : pensez à rendre « Perceuse-visseuse à prêter »')
    assert.include(reminder.text, 'que Camille M. vous a prêté')
    assert.deepEqual(await new RemindLoanReturns().execute(), { reminded: 0 })
    assert.lengthOf(mailbox.to(lea.email), 1)
    assert.deepEqual(mailbox.to(camille.email), [])

    /** "Done" is not how a loan ends; only the lender confirms the return. */
    const done = await step(camille, id, 'done')
    assert.equal(done.status, 409)
    assert.include(done.text, 'quand le prêteur confirme que l&#x27;objet lui a été rendu')
    const byBorrower = await step(lea, id, 'returned')
    assert.equal(byBorrower.status, 403)
    assert.include(byBorrower.text, 'Seul le prêteur peut confirmer')
    assert.equal((await exchangeRow(id)).status, 'agreed')

    const returned = await step(camille, id, 'returned')
    assert.equal(returned.status, 302)
    const row = await exchangeRow(id)
    assert.equal(row.status, 'done')
    assert.isNotNull(row.returned_at)
    assert.equal((await step(camille, id, 'returned')).status, 409)
  })

  test('a loan request: the neighbour who lends confirms the return, the author is reminded', async ({
    assert,
  }) => {
    const lea = await neighbour('Léa Dubois')
    const camille = await neighbour('Camille Martin')
    const id = await post(
      lea.agent,
      loanFields({ direction: 'request', title: 'Cherche un escabeau pour samedi' })
    )
    await respond(camille, id)
    await step(lea, id, 'agree', {
      respondent_id: String(camille.id),
      return_due_on: dayFromNow(0),
    })
    mailbox.clear()
    assert.deepEqual(await new RemindLoanReturns().execute(), { reminded: 1 })
    await mailbox.waitFor(lea.email, (mail) => mail.subject.startsWith('Rappel'))
    assert.deepEqual(mailbox.to(camille.email), [])

    const page = await camille.agent.get(`/exchanges/${id}`)
    assert.include(page.text, `action="/exchanges/${id}/returned"`)
    assert.equal((await step(lea, id, 'returned')).status, 403)
    assert.equal((await step(camille, id, 'returned')).status, 302)
    assert.equal((await exchangeRow(id)).status, 'done')
  })
})
