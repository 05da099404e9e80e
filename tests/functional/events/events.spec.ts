import { test } from '@japa/runner'
import { feedViewerFor } from '#modules/feed/index'
import { eventsFeedSource } from '#modules/events/services/feed_source'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  JARDIN_DES_PLANTES,
  dayFromNow,
  endEvent,
  errorsIn,
  eventFields,
  eventRow,
  fieldError,
  neighbour,
  nextClockChange,
  postEvent,
  submitEvent,
  textOf,
} from '#tests/functional/events/support'

/** The ids of the events a resident's feed shows, newest first. */
async function feedItems(
  userId: number,
  filters: { q?: string; kind?: string; category?: string } = {}
) {
  return eventsFeedSource.items({
    viewer: await feedViewerFor(userId, 'fr'),
    filters,
    before: null,
    limit: 50,
  })
}

test.group('Events: posting and reading', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a verified resident posts an event: Paris times, place, neighbourhood', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const change = nextClockChange(3)
    const id = await postEvent(camille, {
      capacity: '30',
      starts_date: change.saturday,
      starts_time: '22:00',
      ends_date: change.sunday,
      ends_time: '10:00',
    })
    const row = await eventRow(id)
    /** 22 h in Paris before the change is 21:00 UTC; 10 h after it is 08:00 UTC. */
    assert.equal(new Date(row.starts_at).toISOString(), `${change.saturday}T21:00:00.000Z`)
    assert.equal(new Date(row.ends_at).toISOString(), `${change.sunday}T08:00:00.000Z`)
    assert.equal(Number(row.neighbourhood_id), camille.neighbourhoodId)
    assert.equal(Number(row.capacity), 30)
    assert.isNull(row.organisation_id)
    assert.equal(row.sequence, 0)

    const page = await camille.agent.get(`/events/${id}`)
    assert.equal(page.status, 200)
    const text = textOf(page)
    assert.include(text, 'Événement publié.')
    assert.include(text, 'Repas partagé du square')
    assert.include(text, 'Square Paul-Langevin')
    const [saturday, sunday] = [change.saturday, change.sunday].map((day) => Number(day.slice(8)))
    assert.include(text, `Du sam. ${saturday} mars, 22 h au dim. ${sunday} mars, 10 h`)
    assert.include(text, '0 sur 30 places (30 places libres)')
    assert.include(page.text, 'data-home="48.8455,2.3551"')
  })

  test('upcoming events are in the feed with a date badge, until they end', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await postEvent(camille, {
      starts_date: dayFromNow(9),
      starts_time: '14:30',
      ends_date: dayFromNow(9),
      capacity: '12',
    })
    const items = await feedItems(lea.id)
    assert.deepEqual(
      items.map((item) => item.id),
      [id]
    )
    const [item] = items
    assert.equal(item.kind, 'event')
    assert.equal(item.category, 'festive')
    assert.equal(item.url, `/events/${id}`)
    assert.equal(item.author?.name, 'Camille M.')
    const when = item.badges.find((badge) => badge.key === 'events.feed.when')!
    const expected = new Intl.DateTimeFormat('fr-FR', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'Europe/Paris',
    }).format(new Date(`${dayFromNow(9)}T12:00:00Z`))
    assert.equal(when.values?.date, `${expected}, 14 h 30`)
    assert.deepInclude(item.badges, { key: 'events.feed.places_left', values: { count: 12 } })

    assert.lengthOf(await feedItems(lea.id, { kind: 'event', category: 'festive' }), 1)
    assert.lengthOf(await feedItems(lea.id, { category: 'sport' }), 0)
    assert.lengthOf(await feedItems(lea.id, { kind: 'loan' }), 0)
    assert.lengthOf(await feedItems(lea.id, { q: 'repas' }), 1)
    assert.lengthOf(await feedItems(lea.id, { q: 'piscine' }), 0)

    /** The feed page itself shows the card. */
    const feed = await lea.agent.get('/feed')
    assert.include(textOf(feed), 'Repas partagé du square')

    await endEvent(id)
    assert.lengthOf(await feedItems(lea.id), 0)
  })

  test('scope: out of it, the page and the .ics are 404; nearby reaches next door', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const next = await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES })
    const far = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const own = await postEvent(camille)
    const nearby = await postEvent(camille, { title: 'Troc de plantes', scope: 'nearby' })

    assert.equal((await next.agent.get(`/events/${own}`)).status, 404)
    assert.equal((await next.agent.get(`/events/${own}.ics`)).status, 404)
    assert.equal((await next.agent.get(`/events/${nearby}`)).status, 200)
    assert.equal((await next.agent.get(`/events/${nearby}.ics`)).status, 200)
    assert.equal((await far.agent.get(`/events/${nearby}`)).status, 404)
    assert.equal((await far.agent.get(`/events/${nearby}.ics`)).status, 404)
    assert.equal((await far.agent.get('/events/999999')).status, 404)
    assert.equal((await far.agent.get('/events/999999.ics')).status, 404)
    assert.deepEqual(
      (await feedItems(next.id)).map((item) => item.id),
      [nearby]
    )
    assert.lengthOf(await feedItems(far.id), 0)
  })

  test('unverified residents read but may not post', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const omar = await neighbour('Omar Said', { verified: false })
    const id = await postEvent(camille)
    const page = await omar.agent.get(`/events/${id}`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'id="verify-to-answer"')
    /** First names only for unverified readers. */
    assert.include(textOf(page), 'Proposé par Camille ·')
    assert.equal((await omar.agent.get('/events/new')).status, 403)
    const refused = await omar.agent.submit('/events', eventFields(), { from: `/events/${id}` })
    assert.equal(refused.status, 403)
  })

  test('bad input on the event form, in French and English, writes nothing', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const cases: [Record<string, string>, string, string, string][] = [
      [{ title: '' }, 'title', 'Donnez un titre à votre événement.', 'Give your event a title.'],
      [
        { title: 'ab' },
        'title',
        'Le champ « titre » doit faire au moins 3 caractères.',
        'The title must be at least 3 characters long.',
      ],
      [
        { place_label: '' },
        'place_label',
        'Indiquez le lieu de l’événement.',
        'Say where the event takes place.',
      ],
      [
        { place_latitude: 'ici' },
        'place_latitude',
        'Placez le lieu sur la carte (ou saisissez ses coordonnées).',
        'Place the event on the map (or type its coordinates).',
      ],
      [
        { starts_date: '2026-02-30' },
        'starts_date',
        'Cette date ou cette heure n’existe pas (par exemple l’heure sautée lors du passage à l’heure d’été).',
        'This date or time does not exist (for example the hour skipped when clocks go forward).',
      ],
      [
        { starts_time: '25:00' },
        'starts_time',
        'Indiquez une heure valide, par exemple 14:00.',
        'Give a valid time, for example 14:00.',
      ],
      [
        { starts_date: dayFromNow(-2), ends_date: dayFromNow(-2) },
        'starts_date',
        'Choisissez un moment à venir.',
        'Choose a moment still to come.',
      ],
      [
        { ends_time: '12:00' },
        'ends_date',
        'La fin doit venir après le début.',
        'The end must come after the start.',
      ],
      [
        { capacity: '0' },
        'capacity',
        'Indiquez au moins 1 place, ou laissez vide.',
        'Give at least 1 place, or leave it empty.',
      ],
      [
        { capacity: '2,5' },
        'capacity',
        'Indiquez un nombre de places, par exemple 30, ou laissez vide.',
        'Give a number of places, for example 30, or leave it empty.',
      ],
      [
        { category: 'rave' },
        'category',
        'Choisissez un genre proposé : fête, culture, sport, atelier…',
        'Choose one of the kinds offered: party, culture, sport, workshop…',
      ],
      [
        { scope: 'world' },
        'scope',
        'Choisissez qui voit l’événement : votre quartier, les quartiers voisins ou toute la ville.',
        'Choose who sees the event: your neighbourhood, nearby neighbourhoods or the whole town.',
      ],
    ]
    for (const [overrides, field, french, english] of cases) {
      const fr = await submitEvent(camille.agent, eventFields(overrides))
      assert.equal(fr.status, 422, JSON.stringify(overrides))
      assert.equal(fieldError(fr.text, field), french, JSON.stringify(overrides))
      const en = await submitEvent(hugo.agent, eventFields(overrides))
      assert.equal(en.status, 422, JSON.stringify(overrides))
      assert.equal(fieldError(en.text, field), english, JSON.stringify(overrides))
    }
    /** The form comes back with what was typed. */
    const refused = await submitEvent(camille.agent, eventFields({ title: 'ab' }))
    assert.include(refused.text, 'value="Square Paul-Langevin"')
    const { rows } = await import('@adonisjs/lucid/services/db').then((m) =>
      m.default.rawQuery('SELECT count(*)::int AS n FROM events')
    )
    assert.equal(rows[0].n, 0)
  })

  test('the organiser’s home is never the event’s place', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const home = await import('#modules/neighbourhoods/index').then((m) =>
      m.residentHome(camille.id)
    )
    const refused = await submitEvent(
      camille.agent,
      eventFields({
        place_latitude: String(home!.latitude + 0.00005),
        place_longitude: String(home!.longitude),
      })
    )
    assert.equal(refused.status, 422)
    assert.equal(
      fieldError(refused.text, 'place_label'),
      'Ce point est votre domicile : choisissez un lieu public pour l’événement.'
    )
    /** The map starts around the home rounded to a kilometre, never on it. */
    assert.notInclude((await camille.agent.get('/events/new')).text, String(home!.latitude))
  })

  test('the author edits: SEQUENCE goes up; others get 403 or 404; no edit once over', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const far = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const id = await postEvent(camille)

    const edited = await submitEvent(
      camille.agent,
      eventFields({ title: 'Grand repas du square', ends_time: '19:00' }),
      `/events/${id}`
    )
    assert.equal(edited.status, 302)
    const row = await eventRow(id)
    assert.equal(row.title, 'Grand repas du square')
    assert.equal(row.sequence, 1)

    assert.equal((await lea.agent.get(`/events/${id}/edit`)).status, 403)
    const byLea = await lea.agent.submit(`/events/${id}`, eventFields(), { from: `/events/${id}` })
    assert.equal(byLea.status, 403)
    assert.include(
      errorsIn(byLea.text),
      'Seule la personne qui a proposé l’événement peut le modifier ou l’annuler.'
    )
    assert.equal((await far.agent.get(`/events/${id}/edit`)).status, 404)
    const byFar = await far.agent.submit(`/events/${id}`, eventFields(), { from: '/events' })
    assert.equal(byFar.status, 404)
    assert.equal((await eventRow(id)).title, 'Grand repas du square')

    await endEvent(id)
    const late = await submitEvent(camille.agent, eventFields(), `/events/${id}`)
    assert.equal(late.status, 409)
  })
})
