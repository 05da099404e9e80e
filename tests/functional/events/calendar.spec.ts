import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { CommunityResident } from '#tests/helpers/community'
import { parseCalendar } from '#tests/functional/events/ical'
import {
  CLIGNANCOURT,
  JARDIN_DES_PLANTES,
  endEvent,
  neighbour,
  nextClockChange,
  postEvent,
  textOf,
} from '#tests/functional/events/support'

/** Asks for a calendar link on the events page and reads it back from there. */
async function calendarLink(person: CommunityResident, action = 'link'): Promise<string> {
  const response = await person.agent.submit(`/events/calendar/${action}`, {}, { from: '/events' })
  if (response.status !== 302) throw new Error(`calendar link refused (${response.status})`)
  const page = await person.agent.get('/events')
  const match = page.text.match(/id="calendar-url"[^>]*value="([^"]+)"/)
  if (!match) throw new Error('no calendar link on the page')
  return match[1].replaceAll('&amp;', '&')
}

/** Fetches a calendar the way a calendar app does: no cookies, no session. */
async function fetchCalendar(url: string) {
  const { pathname, search } = new URL(url)
  const { Agent } = await import('#tests/helpers/agent')
  return new Agent('fr').get(`${pathname}${search}`, { accept: 'text/calendar' })
}

test.group('Events: calendars', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an event’s .ics: Paris times across the October change, escaped text', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const change = nextClockChange(10)
    const id = await postEvent(camille, {
      title: 'Veillée; contes, musique \\ soupe',
      description: 'Apportez un bol.\nEt une lampe, s’il vous plaît.',
      starts_date: change.saturday,
      starts_time: '21:00',
      ends_date: change.sunday,
      ends_time: '11:00',
    })
    const response = await camille.agent.get(`/events/${id}.ics`)
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type')!, /^text\/calendar/)
    assert.include(response.text, '\r\n')
    assert.include(response.text, 'SUMMARY:Veillée\\; contes\\, musique \\\\ soupe')
    const [event] = parseCalendar(response.text).events
    assert.equal(event.summary, 'Veillée; contes, musique \\ soupe')
    assert.equal(event.description, 'Apportez un bol.\nEt une lampe, s’il vous plaît.')
    assert.equal(event.location, 'Square Paul-Langevin')
    assert.equal(event.startZone, 'Europe/Paris')
    /** 21 h summer time (UTC+2) the evening before; 11 h winter time (UTC+1) after. */
    assert.equal(event.start.toISOString(), `${change.saturday}T19:00:00.000Z`)
    assert.equal(event.end.toISOString(), `${change.sunday}T10:00:00.000Z`)
    assert.match(event.uid, new RegExp(`^event-${id}@`))
    assert.equal(event.sequence, 0)
    assert.equal(event.status, 'CONFIRMED')
  })

  test('the neighbourhood calendar lists visible events still to come, with a token', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const nina = await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES })
    const paul = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const own = await postEvent(camille, { title: 'Repas du square' })
    const over = await postEvent(camille, { title: 'Fête passée' })
    await endEvent(over)
    const cancelled = await postEvent(camille, { title: 'Brocante annulée' })
    await camille.agent.submit(
      `/events/${cancelled}/cancel`,
      { reason: 'Pas assez d’exposants' },
      { from: `/events/${cancelled}` }
    )
    const nextDoorOnly = await postEvent(nina, { title: 'Apéro des Plantes' })
    const nextDoorNearby = await postEvent(nina, { title: 'Troc de graines', scope: 'nearby' })
    const far = await postEvent(paul, { title: 'Concert à Clignancourt', scope: 'town' })

    const before = await camille.agent.get('/events')
    assert.include(before.text, 'id="calendar-create"')
    const url = await calendarLink(camille)
    assert.match(
      url,
      new RegExp(`/neighbourhoods/${camille.neighbourhoodId}/events\\.ics\\?token=`)
    )

    const response = await fetchCalendar(url)
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type')!, /^text\/calendar/)
    const calendar = parseCalendar(response.text)
    assert.equal(calendar.name, 'Événements du quartier')
    const byTitle = new Map(calendar.events.map((event) => [event.summary, event]))
    assert.sameMembers(
      [...byTitle.keys()],
      ['Repas du square', 'Brocante annulée', 'Troc de graines', 'Concert à Clignancourt']
    )
    assert.equal(byTitle.get('Brocante annulée')!.status, 'CANCELLED')
    assert.equal(byTitle.get('Repas du square')!.status, 'CONFIRMED')
    assert.notInclude(response.text, 'Fête passée')
    assert.notInclude(response.text, 'Apéro des Plantes')
    void [own, nextDoorOnly, nextDoorNearby, far]
  })

  test('wrong, forged, revoked or someone else’s neighbourhood: 404', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const nina = await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES })
    await postEvent(camille)
    const url = await calendarLink(camille)
    const { search } = new URL(url)
    const token = new URLSearchParams(search).get('token')!
    const base = `/neighbourhoods/${camille.neighbourhoodId}/events.ics`
    const anonymous = async (path: string) => (await fetchCalendar(`http://x${path}`)).status

    assert.equal(await anonymous(`${base}?token=${token}`), 200)
    assert.equal(await anonymous(base), 404)
    assert.equal(await anonymous(`${base}?token=nonsense`), 404)
    /** Someone else's id with this token's MAC. */
    const forged = token.replace(/^\d+\./, `${nina.id}.`)
    assert.equal(await anonymous(`${base}?token=${encodeURIComponent(forged)}`), 404)
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    assert.equal(await anonymous(`${base}?token=${tampered}`), 404)
    /** Nina's neighbourhood with Camille's token. */
    assert.equal(
      await anonymous(`/neighbourhoods/${nina.neighbourhoodId}/events.ics?token=${token}`),
      404
    )

    /** A new link revokes the old one. */
    const renewed = await calendarLink(camille)
    assert.notEqual(renewed, url)
    assert.equal(await anonymous(`${base}?token=${token}`), 404)
    assert.equal((await fetchCalendar(renewed)).status, 200)

    /** Removing the link stops it. */
    const removed = await camille.agent.submit('/events/calendar/revoke', {}, { from: '/events' })
    assert.equal(removed.status, 302)
    assert.equal((await fetchCalendar(renewed)).status, 404)
    assert.include(textOf(await camille.agent.get('/events')), 'Lien d’agenda supprimé.')
    const keys = await db.from('event_calendar_keys')
    assert.lengthOf(keys, 0)
  })

  test('the events page lists upcoming visible events, soonest first', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const paul = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    await postEvent(camille, { title: 'Plus tard' })
    const { dayFromNow } = await import('#tests/functional/events/support')
    await postEvent(camille, {
      title: 'Bientôt',
      starts_date: dayFromNow(2),
      ends_date: dayFromNow(2),
    })
    await postEvent(paul, { title: 'Ailleurs' })
    const page = textOf(await camille.agent.get('/events'))
    assert.isBelow(page.indexOf('Bientôt'), page.indexOf('Plus tard'))
    assert.notInclude(page, 'Ailleurs')
  })
})
