import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  answer,
  endEvent,
  eventFields,
  eventRow,
  neighbour,
  postEvent,
  textOf,
} from '#tests/functional/events/support'
import { parseCalendar } from '#tests/functional/events/ical'
import {
  createOrganisation,
  markVerified,
  post,
  shopFields,
} from '#tests/functional/organisations/support'
import { erase, expectRedirect, person } from '#tests/functional/privacy/support'

const FR_LEFT = 'Cet événement est annulé : la personne qui l’organisait a quitté Quartier.'
const EN_LEFT = 'This event is cancelled: its organiser has left Quartier.'

/** The cancellation notice of an event page, as text. */
function noticeOf(page: { text: string }): string {
  const match = page.text.match(/id="cancel-notice">([\s\S]*?)<\/div>/)
  return match ? textOf(match[1]).replace(/\s+/g, ' ').trim() : ''
}

/** An association Anna belongs to, verified, and an event she posts under its name. */
async function associationEvent(agent: Agent, title: string): Promise<number> {
  const associationId = await createOrganisation(
    agent,
    shopFields({
      kind: 'association',
      name: 'Les Amis du Jardin',
      siret: '',
      rna: 'W751234567',
      address_label: '5 rue Linné, 75005 Paris',
    })
  )
  await markVerified(associationId)
  const sent = await post(
    agent,
    `/organisations/${associationId}/events`,
    eventFields({ title }),
    `/organisations/${associationId}/events/new`
  )
  const match = sent.location?.match(/^\/events\/(\d+)$/)
  if (sent.status !== 302 || !match) throw new Error(`association event refused (${sent.status})`)
  return Number(match[1])
}

test.group('Privacy: erasure and the events still to come', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('her events still to come are cancelled and participants told; the rest stays', async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const chloe = await neighbour('Chloe Walker', { locale: 'en' })
    const dora = await person('Dora', { street: 'rue Linné' })

    /** Next week: Bruno goes, Chloé (English) may, Dora does not. */
    const upcoming = await postEvent(anna, { title: 'Troc de plantes au square' })
    expectRedirect(await answer(bruno, upcoming, 'going'), 'rsvp')
    expectRedirect(await answer(chloe, upcoming, 'maybe'), 'rsvp')
    expectRedirect(await answer(dora, upcoming, 'no'), 'rsvp')
    /** Under way right now (started an hour ago, ends in two). */
    const ongoing = await postEvent(anna, { title: 'Atelier réparation de vélos' })
    expectRedirect(await answer(bruno, ongoing, 'going'), 'rsvp')
    await db
      .from('events')
      .where('id', ongoing)
      .update({
        starts_at: new Date(Date.now() - 3_600_000),
        ends_at: new Date(Date.now() + 7_200_000),
      })
    /** Over: history. */
    const past = await postEvent(anna, { title: 'Vide-grenier de la rue' })
    expectRedirect(await answer(bruno, past, 'going'), 'rsvp')
    await endEvent(past)
    /** Posted for her association: the association's, not hers. */
    const association = await associationEvent(anna.agent, 'Fête du jardin partagé')
    expectRedirect(await answer(bruno, association, 'going'), 'rsvp')
    /** Bruno's event, one place, taken by Anna. */
    const brunos = await postEvent(bruno, { title: 'Visite du Jardin des Plantes', capacity: '1' })
    expectRedirect(await answer(anna, brunos, 'going'), 'rsvp')
    assert.equal(Number((await eventRow(brunos)).going_count), 1)

    mailbox.clear()
    expectRedirect(await erase(anna.agent), 'erasure')

    /** Cancelled as her own cancel does: calendars get it (SEQUENCE up), no reason typed. */
    for (const id of [upcoming, ongoing]) {
      const row = await eventRow(id)
      assert.equal(row.status, 'cancelled', `event ${id}`)
      assert.isNotNull(row.cancelled_at)
      assert.isNull(row.cancel_reason)
      assert.equal(Number(row.sequence), 1)
    }
    for (const id of [past, association]) {
      const row = await eventRow(id)
      assert.equal(row.status, 'scheduled', `event ${id}`)
      assert.isNull(row.cancelled_at)
      assert.equal(Number(row.sequence), 0)
    }
    assert.equal(Number((await eventRow(association)).author_id), anna.id)

    /** The page says why, in each reader's language. */
    const french = await bruno.agent.get(`/events/${upcoming}`)
    assert.equal(french.status, 200)
    assert.include(french.text, 'id="event-cancelled"')
    assert.equal(noticeOf(french), FR_LEFT)
    const english = await chloe.agent.get(`/events/${upcoming}`)
    assert.equal(noticeOf(english), EN_LEFT)
    assert.notInclude((await bruno.agent.get(`/events/${past}`)).text, 'id="cancel-notice"')

    /** Their calendars drop it. */
    const ics = await chloe.agent.get(`/events/${upcoming}.ics`)
    assert.equal(ics.status, 200)
    const [entry] = parseCalendar(ics.text).events
    assert.equal(entry.status, 'CANCELLED')
    assert.equal(entry.sequence, 1)

    /** Going and maybe are told, in their language; "no" and the events that stay, nobody. */
    const brunoMail = await mailbox.waitFor(bruno.email, (mail) => mail.subject.includes('Troc'))
    assert.equal(brunoMail.subject, '« Troc de plantes au square » est annulé')
    assert.include(brunoMail.text, 'est annulé : la personne qui l’organisait a quitté Quartier.')
    assert.include(brunoMail.text, `/events/${upcoming}`)
    await mailbox.waitFor(bruno.email, (mail) => mail.subject.includes('Atelier réparation'))
    const chloeMail = await mailbox.waitFor(chloe.email)
    assert.equal(chloeMail.subject, '“Troc de plantes au square” is cancelled')
    assert.include(chloeMail.text, 'is cancelled: its organiser has left Quartier.')
    assert.lengthOf(mailbox.to(dora.email), 0)
    assert.isFalse(
      mailbox.messages.some(
        (mail) => mail.subject.includes('Vide-grenier') || mail.subject.includes('Fête du jardin')
      )
    )
    assert.lengthOf(mailbox.to(bruno.email), 2)

    /** Her place on Bruno's event is free again. */
    assert.equal(Number((await eventRow(brunos)).going_count), 0)
    expectRedirect(await answer(chloe, brunos, 'going'), 'rsvp after her departure')
    assert.equal(Number((await eventRow(brunos)).going_count), 1)
  })

  test('a cancel by its author still shows and sends the reason they typed', async ({ assert }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const id = await postEvent(anna, { title: 'Troc de plantes au square' })
    expectRedirect(await answer(bruno, id, 'going'), 'rsvp')
    mailbox.clear()
    expectRedirect(
      await anna.agent.submit(
        `/events/${id}/cancel`,
        { reason: 'Pluie annoncée tout le week-end.' },
        { from: `/events/${id}` }
      ),
      'cancel'
    )
    assert.equal(
      noticeOf(await bruno.agent.get(`/events/${id}`)),
      'Cet événement est annulé. Raison donnée : Pluie annoncée tout le week-end.'
    )
    const mail = await mailbox.waitFor(bruno.email)
    assert.include(mail.text, 'Raison donnée : Pluie annoncée tout le week-end.')
  })
})
