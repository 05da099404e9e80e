import { test } from '@japa/runner'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { CommunityResident } from '#tests/helpers/community'
import {
  CLIGNANCOURT,
  answer,
  endEvent,
  errorsIn,
  eventRow,
  fieldError,
  neighbour,
  postEvent,
  rsvpRows,
  submitEvent,
  eventFields,
  textOf,
} from '#tests/functional/events/support'

function withdraw(person: CommunityResident, id: number) {
  return person.agent.submit(`/events/${id}/rsvp/withdraw`, {}, { from: `/events/${id}` })
}

function cancel(person: CommunityResident, id: number, reason: string) {
  return person.agent.submit(`/events/${id}/cancel`, { reason }, { from: `/events/${id}` })
}

test.group('Events: answers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('answer, change, withdraw: the going count follows', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await postEvent(camille, { capacity: '10' })

    const first = await answer(lea, id, 'going')
    assert.equal(first.status, 302)
    assert.equal(first.location, `/events/${id}#rsvp`)
    assert.equal((await eventRow(id)).going_count, 1)
    const page = await lea.agent.get(`/events/${id}`)
    assert.include(textOf(page), 'Réponse enregistrée.')
    assert.include(textOf(page), 'Vous avez dit : j’y vais.')
    assert.include(textOf(page), '1 sur 10 places (9 places libres)')

    assert.equal((await answer(lea, id, 'maybe')).status, 302)
    assert.equal((await eventRow(id)).going_count, 0)
    assert.include(textOf(await lea.agent.get(`/events/${id}`)), 'Réponse modifiée.')
    assert.equal((await answer(lea, id, 'going')).status, 302)
    assert.equal((await eventRow(id)).going_count, 1)

    assert.equal((await withdraw(lea, id)).status, 302)
    assert.equal((await eventRow(id)).going_count, 0)
    assert.lengthOf(await rsvpRows(id), 0)
    const again = await withdraw(lea, id)
    assert.equal(again.status, 409)
    assert.include(errorsIn(again.text), 'Vous n’avez pas répondu à cet événement.')
  })

  test('who is going: full names for the author, first name + initial for others', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit')
    const omar = await neighbour('Omar Said', { verified: false })
    const id = await postEvent(camille)
    await answer(lea, id, 'going')
    await answer(hugo, id, 'maybe')

    const forAuthor = textOf(await camille.agent.get(`/events/${id}`))
    assert.include(forAuthor, 'Qui vient Léa Dubois')
    assert.notInclude(forAuthor, 'Hugo Petit')
    const forHugo = textOf(await hugo.agent.get(`/events/${id}`))
    assert.include(forHugo, 'Qui vient Léa D.')
    assert.notInclude(forHugo, 'Dubois')
    assert.include(forHugo, '1 peut-être')
    const forOmar = await omar.agent.get(`/events/${id}`)
    assert.include(textOf(forOmar), 'Qui vient Léa ')
    assert.notInclude(textOf(forOmar), 'Léa D')
    /** Unverified residents may not answer. */
    const refused = await omar.agent.submit(
      `/events/${id}/rsvp`,
      { answer: 'going' },
      { from: `/events/${id}` }
    )
    assert.equal(refused.status, 403)
  })

  test('bad answers are refused in French and English; out of scope is 404', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const far = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const id = await postEvent(camille)
    for (const value of ['', 'perhaps']) {
      const fr = await answer(lea, id, value)
      assert.equal(fr.status, 422)
      assert.equal(
        fieldError(fr.text, 'answer'),
        'Choisissez votre réponse : j’y vais, peut-être ou je n’y vais pas.'
      )
      const en = await answer(hugo, id, value)
      assert.equal(en.status, 422)
      assert.equal(fieldError(en.text, 'answer'), 'Choose your answer: going, maybe or not going.')
    }
    const outsider = await far.agent.submit(
      `/events/${id}/rsvp`,
      { answer: 'going' },
      { from: '/events' }
    )
    assert.equal(outsider.status, 404)
    assert.lengthOf(await rsvpRows(id), 0)

    await endEvent(id)
    const late = await answer(lea, id, 'going')
    assert.equal(late.status, 409)
    assert.include(errorsIn(late.text), 'Cet événement est terminé.')
  })

  test('20 neighbours answer "going" at once for 5 places: exactly 5 get one', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await postEvent(camille, { capacity: '5' })
    const racers: CommunityResident[] = []
    for (let index = 0; index < 20; index++) {
      racers.push(await neighbour(`Voisin${index} Test`))
    }
    /** Each has the page (and its CSRF token) first, then all post together. */
    for (const racer of racers) await racer.agent.get(`/events/${id}`)
    const responses = await Promise.all(
      racers.map((racer) => racer.agent.submit(`/events/${id}/rsvp`, { answer: 'going' }))
    )
    const statuses = responses.map((response) => response.status)
    assert.equal(statuses.filter((status) => status === 302).length, 5)
    assert.equal(statuses.filter((status) => status === 422).length, 15)
    for (const response of responses.filter((r) => r.status === 422)) {
      assert.equal(
        fieldError(response.text, 'answer'),
        'C’est complet : les 5 places sont prises. Vous pouvez répondre « Peut-être ».'
      )
    }
    const row = await eventRow(id)
    assert.equal(row.going_count, 5)
    const going = (await rsvpRows(id)).filter((rsvp) => rsvp.answer === 'going')
    assert.lengthOf(going, 5)
    /** "Maybe" still works when full. */
    const loser = racers[statuses.indexOf(422)]
    assert.equal((await answer(loser, id, 'maybe')).status, 302)
  }).timeout(180_000)

  test('capacity cannot drop below those going', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit')
    const id = await postEvent(camille, { capacity: '5' })
    await answer(lea, id, 'going')
    await answer(hugo, id, 'going')
    const refused = await submitEvent(
      camille.agent,
      eventFields({ capacity: '1' }),
      `/events/${id}`
    )
    assert.equal(refused.status, 422)
    assert.equal(
      fieldError(refused.text, 'capacity'),
      '2 personnes ont déjà dit qu’elles venaient : prévoyez au moins autant de places.'
    )
    assert.equal((await eventRow(id)).capacity, 5)
  })

  test('cancelling tells those going or maybe by e-mail, with the reason', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const nina = await neighbour('Nina Roux')
    const id = await postEvent(camille, { capacity: '10' })
    await answer(lea, id, 'going')
    await answer(hugo, id, 'maybe')
    await answer(nina, id, 'no')

    const short = await cancel(camille, id, 'non')
    assert.equal(short.status, 422)
    assert.equal(
      fieldError(short.text, 'reason'),
      'Expliquez en quelques mots (au moins 5 caractères) pourquoi vous annulez.'
    )
    assert.equal((await cancel(lea, id, 'Je ne veux pas')).status, 403)

    const done = await cancel(camille, id, 'Pluie annoncée tout le week-end')
    assert.equal(done.status, 302)
    const row = await eventRow(id)
    assert.equal(row.status, 'cancelled')
    assert.equal(row.sequence, 1)

    const leaMail = await mailbox.waitFor(lea.email)
    assert.equal(leaMail.subject, '« Repas partagé du square » est annulé')
    assert.include(leaMail.text, 'Raison donnée : Pluie annoncée tout le week-end')
    assert.include(leaMail.text, 'Square Paul-Langevin')
    assert.include(leaMail.text, `/events/${id}`)
    const hugoMail = await mailbox.waitFor(hugo.email)
    assert.equal(hugoMail.subject, '“Repas partagé du square” is cancelled')
    /** Neither the one who said no nor the author. */
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(mailbox.to(nina.email), 0)
    assert.lengthOf(mailbox.to(camille.email), 0)

    const page = textOf(await lea.agent.get(`/events/${id}`))
    assert.include(
      page,
      'Cet événement est annulé. Raison donnée : Pluie annoncée tout le week-end'
    )
    assert.equal((await answer(lea, id, 'going')).status, 409)
    assert.equal((await cancel(camille, id, 'Encore une fois')).status, 409)
    const ics = await lea.agent.get(`/events/${id}.ics`)
    assert.include(ics.text, 'STATUS:CANCELLED')
    assert.include(ics.text, 'SEQUENCE:1')
  })

  test('the cancel form refuses a missing reason in English too', async ({ assert }) => {
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const id = await postEvent(hugo)
    const refused = await cancel(hugo, id, '')
    assert.equal(refused.status, 422)
    assert.equal(
      fieldError(refused.text, 'reason'),
      'Tell the participants why you are cancelling.'
    )
    assert.equal((await eventRow(id)).status, 'scheduled')
  })

  test('editing tells participants what changed', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await postEvent(camille)
    await answer(lea, id, 'going')
    const edited = await submitEvent(
      camille.agent,
      eventFields({ place_label: 'Cour de l’école', starts_time: '15:00' }),
      `/events/${id}`
    )
    assert.equal(edited.status, 302)
    const mail = await mailbox.waitFor(lea.email)
    assert.equal(mail.subject, '« Repas partagé du square » a changé')
    assert.include(mail.text, 'de 15 h à 18 h, Cour de l’école')
  })
})
