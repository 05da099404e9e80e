import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { trustLevel, publicName } from '#modules/verification/index'
import neighbourhoodsConfig from '#config/neighbourhoods'
import type { EventRecord } from '#modules/events/queries/event_rows'
import { whenValues } from '#modules/events/services/dates'
import { eventIcsPath } from '#modules/events/services/links'
import { organisationAuthors } from '#modules/events/services/organisation_directory'
import { ANSWERS, type RsvpAnswer } from '#modules/events/services/settings'

/**
 * Everything an event's page shows to one viewer: the organiser as
 * first name + initial and street (never an address); the place and its
 * point; counts; the viewer's answer; who is going (full names for the
 * author, first name + initial for others).
 */
export async function eventPageState(event: EventRecord, viewerId: number, locale: string) {
  const [trust, names, places, rsvps, organisations] = await Promise.all([
    trustLevel(viewerId),
    accounts.displayNames([event.authorId]),
    neighbourhoodNames([event.neighbourhoodId]),
    db
      .from('event_rsvps')
      .where('event_id', event.id)
      .orderBy('created_at')
      .orderBy('id')
      .select('user_id', 'answer'),
    organisationAuthors([event.organisationId]),
  ])
  const isAuthor = event.authorId === viewerId
  const goingIds = rsvps.filter((row) => row.answer === 'going').map((row) => Number(row.user_id))
  const goingNames = await accounts.displayNames(goingIds)
  const going = goingIds.map((id) => {
    const name = goingNames.get(id) ?? ''
    return isAuthor ? name : publicName(name, trust)
  })
  const mine = rsvps.find((row) => Number(row.user_id) === viewerId)?.answer as
    RsvpAnswer | undefined
  const when = whenValues(event.startsAt, event.endsAt, locale)
  const ended = event.endsAt <= new Date()
  const authorName = names.get(event.authorId)
  /** An organisation's event goes out under its name, linking to its page. */
  const organisation =
    event.organisationId === null ? null : (organisations.get(event.organisationId) ?? null)
  return {
    event,
    when,
    organiser: organisation
      ? { name: organisation.name, street: null, path: organisation.path }
      : {
          name: authorName ? (isAuthor ? authorName : publicName(authorName, trust)) : '',
          street: event.authorStreet,
          path: null,
        },
    neighbourhoodName: places.get(event.neighbourhoodId)?.name ?? null,
    map: neighbourhoodsConfig.map,
    point: `${event.latitude},${event.longitude}`,
    counts: {
      going: event.goingCount,
      maybe: rsvps.filter((row) => row.answer === 'maybe').length,
      left: event.capacity === null ? null : Math.max(0, event.capacity - event.goingCount),
    },
    going,
    mine: mine ?? null,
    answers: ANSWERS,
    ended,
    viewer: {
      trust,
      isAuthor,
      mayAnswer: trust === 'verified' && event.status === 'scheduled' && !ended,
      mayChange: isAuthor && event.status === 'scheduled' && !ended,
    },
    icsPath: eventIcsPath(event.id),
  }
}
