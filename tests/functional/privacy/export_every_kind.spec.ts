import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { raiseAlert, smsOptIn, stopTheWorker } from '#tests/helpers/alerts'
import { signedInOperator } from '#tests/helpers/documents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { PASSWORD } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { answer, postEvent } from '#tests/functional/events/support'
import { openCampaign, pelletFields, pledge } from '#tests/functional/group_buys/support'
import { report } from '#tests/functional/moderation/support'
import {
  account,
  createOrganisation,
  markVerified,
  post,
  shopFields,
} from '#tests/functional/organisations/support'
import {
  expectRedirect,
  person,
  placesHolding,
  postGift,
  queuedMails,
  queuedMailTo,
  respond,
  verifyByPostcard,
} from '#tests/functional/privacy/support'

const PRIVACY = '/profile/privacy'
const ANNA_PHONE = '+33612345678'
const BRUNO_PHONE = '+33698765432'

/**
 * Anna, verified by postcard, leaves a trace in every module: an
 * exchange and a response (a thread), a campaign she organises and a
 * pledge on Bruno's, an event she announces and an RSVP to Bruno's, an
 * alert, a reply to the town hall's notice, a shop's team, a report, the
 * notifications of her verification. Bruno and Chloé write to each
 * other meanwhile; a shopkeeper and a town hall clerk have accounts too.
 */
async function annaEverywhere(cleanup: (handler: () => void) => void) {
  stopTheWorker(cleanup)
  const operator = await signedInOperator('operatrice.privacy@example.org')
  const anna = await person('Anna', { street: 'rue des Écoles', verified: false })
  const code = await verifyByPostcard(anna, 'Anna Lefèvre', operator.agent)
  const bruno = await person('Bruno', { street: 'rue Monge' })
  const chloe = await person('Chloé', { street: 'rue Linné' })
  await smsOptIn(anna.id, ANNA_PHONE)
  await smsOptIn(bruno.id, BRUNO_PHONE)

  /** Exchanges and messages. */
  const annaGift = await postGift(anna.agent, 'Collection de bandes dessinées')
  const brunoGift = await postGift(bruno.agent, 'Étagère en pin')
  await respond(anna.agent, brunoGift, 'Bonjour Bruno, je peux passer ce soir ?')
  const chloeGift = await postGift(chloe.agent, 'Lampe de bureau')
  await respond(bruno.agent, chloeGift, 'Message privé de Bruno à Chloé')

  /** Group buys: hers, and her pledge on Bruno's. */
  const annaCampaign = await openCampaign(
    anna,
    pelletFields({ title: 'Terreau bio pour les balcons', product: 'Terreau bio en sacs' })
  )
  const brunoCampaign = await openCampaign(bruno, pelletFields({ title: 'Granulés de Bruno' }))
  expectRedirect(await pledge(anna, brunoCampaign, '12,5'), 'pledge')

  /** Events: hers (Bruno comes), and her RSVP to Bruno's. */
  const annaEvent = await postEvent(anna, { title: 'Troc de plantes au square' })
  const brunoEvent = await postEvent(bruno, { title: 'Repas partagé de la rue Monge' })
  expectRedirect(await answer(anna, brunoEvent, 'going'), 'rsvp')
  expectRedirect(await answer(bruno, annaEvent, 'going'), 'rsvp')

  /** An alert. */
  expectRedirect(
    await raiseAlert(anna.agent, {
      alert_text: 'Cambriolage en cours rue des Écoles, deux personnes forcent une porte.',
    }),
    'alert'
  )

  /** A reply to the town hall's notice. */
  const clerk = await account('Agent')
  const hallId = await createOrganisation(
    clerk.agent,
    shopFields({
      kind: 'town_hall',
      name: 'Mairie de Paris',
      siret: '',
      address_label: 'Place de l’Hôtel-de-Ville, 75004 Paris',
    })
  )
  await markVerified(hallId)
  expectRedirect(
    await post(
      clerk.agent,
      `/organisations/${hallId}/notices`,
      {
        'title': 'Travaux rue Linné',
        'text': 'La rue Linné est fermée lundi de 8 h à 17 h.',
        'audience': 'neighbourhoods',
        'neighbourhood_ids[0]': String(anna.neighbourhoodId),
      },
      `/organisations/${hallId}/notices/new`
    ),
    'notice'
  )
  const noticeId = Number((await db.from('notices').firstOrFail()).id)
  const noticePath = `/organisations/${hallId}/notices/${noticeId}`
  expectRedirect(
    await post(
      anna.agent,
      `${noticePath}/replies`,
      { reply_text: 'Merci, nous garerons nos voitures ailleurs.' },
      noticePath
    ),
    'notice reply'
  )

  /** A shop's team. */
  const shopkeeper = await account('Marchande')
  const shopId = await createOrganisation(shopkeeper.agent, shopFields())
  expectRedirect(
    await post(
      shopkeeper.agent,
      `/organisations/${shopId}/members`,
      { email: anna.email, role: 'editor' },
      `/organisations/${shopId}/members`
    ),
    'membership'
  )

  /** A report. */
  expectRedirect(
    await report(anna.agent, 'exchange', chloeGift, `/exchanges/${chloeGift}`, {
      report_note: 'Annonce publiée deux fois',
    }),
    'report'
  )

  return {
    operator,
    anna,
    bruno,
    chloe,
    clerk,
    shopkeeper,
    code,
    annaGift,
    annaCampaign,
    brunoCampaign,
    annaEvent,
    brunoEvent,
  }
}

function download(agent: Agent) {
  return agent.submit(`${PRIVACY}/export`, {}, { from: PRIVACY })
}

test.group('Privacy: every kind of data', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the export holds each kind of data, section by section, and nothing private of others', async ({
    assert,
    cleanup,
  }) => {
    const cast = await annaEverywhere(cleanup)
    const { anna, bruno, chloe, clerk, shopkeeper, operator, code } = cast

    const response = await download(anna.agent)
    assert.equal(response.status, 200)
    const { sections } = JSON.parse(response.text)

    assert.equal(sections.profile.email, anna.email)
    assert.equal(sections.neighbourhoods.home.address_label, anna.address)
    assert.equal(sections.alerts.phone, ANNA_PHONE)

    /** Exchanges and messages. */
    assert.deepEqual(
      sections.exchanges.posted.map((row: any) => row.title),
      ['Collection de bandes dessinées']
    )
    assert.deepEqual(
      sections.exchanges.responses.map((row: any) => row.exchange),
      ['Étagère en pin']
    )
    const thread = sections.messaging.threads.find((row: any) => row.with === 'Bruno')
    assert.equal(thread.subject, 'Étagère en pin')
    assert.deepEqual(
      thread.messages.map((message: any) => [message.fromMe, message.body]),
      [[true, 'Bonjour Bruno, je peux passer ce soir ?']]
    )

    /** Group buys. */
    assert.deepEqual(
      sections.group_buys.organised.map((row: any) => [row.title, row.product, row.status]),
      [['Terreau bio pour les balcons', 'Terreau bio en sacs', 'open']]
    )
    assert.lengthOf(sections.group_buys.pledges, 1)
    assert.include(sections.group_buys.pledges[0], {
      groupBuy: 'Granulés de Bruno',
      quantity: 12.5,
      unit: 'kg',
      cancelledAt: null,
    })

    /** Events. */
    assert.deepEqual(
      sections.events.announced.map((row: any) => row.title),
      ['Troc de plantes au square']
    )
    assert.deepEqual(
      sections.events.rsvps.map((row: any) => [row.event, row.answer]),
      [['Repas partagé de la rue Monge', 'going']]
    )

    /** Alerts. */
    assert.deepEqual(
      sections.alerts.raised.map((row: any) => [row.kind, row.severity, row.text]),
      [
        [
          'theft_burglary',
          'urgent',
          'Cambriolage en cours rue des Écoles, deux personnes forcent une porte.',
        ],
      ]
    )

    /** Organisations: the notice reply and the membership. */
    assert.deepEqual(
      sections.organisations.noticeReplies.map((row: any) => [row.notice, row.text]),
      [['Travaux rue Linné', 'Merci, nous garerons nos voitures ailleurs.']]
    )
    assert.deepEqual(
      sections.organisations.memberships.map((row: any) => [row.organisation, row.role]),
      [['Boulangerie Linné', 'editor']]
    )

    /** Moderation: her report (the reported content by kind and id, never its author). */
    assert.deepEqual(
      sections.moderation.reports.map((row: any) => [row.kind, row.reason, row.note]),
      [['exchange', 'spam', 'Annonce publiée deux fois']]
    )

    /** Notifications: the centre's rows of her verification. */
    const keys = sections.notifications.notifications.map((row: any) => row.keys)
    assert.include(keys, 'verification.mail.verified')
    assert.include(keys, 'postcards.mail.posted')

    /** Verification: the outcome, never the card's code. */
    assert.deepEqual(
      sections.verification.verifications.map((row: any) => [row.method, row.status]),
      [['postcard', 'standing']]
    )
    assert.deepEqual(
      sections.verification.postcards.map((row: any) => row.status),
      ['used']
    )
    const plain = code.replace('-', '')
    for (const secret of [code, plain, plain.toLowerCase(), 'code_hash', 'code_encrypted']) {
      assert.notInclude(response.text, secret)
    }
    const { code_hash: codeHash } = await db
      .from('postcard_requests')
      .where('user_id', anna.id)
      .firstOrFail()
    assert.notInclude(response.text, codeHash)

    /** Nothing private of anybody else: others by display name only. */
    for (const secret of [
      bruno.email,
      bruno.address,
      chloe.email,
      chloe.address,
      clerk.email,
      shopkeeper.email,
      operator.email,
      BRUNO_PHONE,
      'Message privé de Bruno à Chloé',
    ]) {
      assert.notInclude(response.text, secret)
    }
  })

  test('erasure leaves no e-mail, phone or address anywhere, queued mails included, and keeps what others need', async ({
    assert,
    cleanup,
  }) => {
    const cast = await annaEverywhere(cleanup)
    const { anna, bruno } = cast
    /** Mails the worker has not sent yet (behind, or retrying). */
    await queuedMailTo(anna.email, 'Un voisin vous a répondu')
    await queuedMailTo(bruno.email, 'Anna participe à votre sortie')
    assert.include(await placesHolding(anna.email), 'queue_jobs.data')
    const pledgesBefore = await db
      .from('group_buy_pledges')
      .where('group_buy_id', cast.brunoCampaign)
    const campaignBefore = await db.from('group_buys').where('id', cast.brunoCampaign).first()

    const response = await anna.agent.submit(
      `${PRIVACY}/erase`,
      { password: PASSWORD, confirmation: 'EFFACER' },
      { from: PRIVACY }
    )
    assert.equal(response.status, 302)
    assert.equal(response.location, '/goodbye')

    for (const needle of [anna.email, ANNA_PHONE, '0612345678', anna.address]) {
      assert.deepEqual(await placesHolding(needle), [], needle)
    }
    /** Her queued mail is dropped, Bruno's still goes out. */
    assert.deepEqual(await queuedMails(), [{ to: [bruno.email] }])

    /**
     * Her pledge on Bruno's open campaign is withdrawn as she could have
     * done herself (nobody would collect it): the row stays, cancelled,
     * for the record; the total drops.
     */
    assert.deepEqual(
      (await db.from('group_buy_pledges').where('group_buy_id', cast.brunoCampaign)).map((row) => [
        Number(row.user_id),
        Number(row.quantity_milli),
      ]),
      pledgesBefore.map((row) => [Number(row.user_id), Number(row.quantity_milli)])
    )
    assert.deepEqual(
      pledgesBefore.map((row) => Number(row.user_id)),
      [anna.id]
    )
    const [annaPledge] = await db
      .from('group_buy_pledges')
      .where('group_buy_id', cast.brunoCampaign)
    assert.isNotNull(annaPledge.cancelled_at)
    assert.equal(Number(campaignBefore.total_milli), 12_500)
    const campaignAfter = await db.from('group_buys').where('id', cast.brunoCampaign).first()
    assert.equal(Number(campaignAfter.total_milli), 0)

    /** Her own campaign is cancelled (nobody left to order), without her street. */
    const own = await db.from('group_buys').where('id', cast.annaCampaign).firstOrFail()
    assert.equal(Number(own.organiser_id), anna.id)
    assert.equal(own.status, 'cancelled')
    assert.isNull(own.organiser_street)

    /** Her RSVP is gone (the seat is free); her event is cancelled, without her street; Bruno's answer stays. */
    assert.lengthOf(await db.from('event_rsvps').where('user_id', anna.id), 0)
    const event = await db.from('events').where('id', cast.annaEvent).firstOrFail()
    assert.isNull(event.author_street)
    assert.equal(event.status, 'cancelled')
    assert.deepEqual(
      (await db.from('event_rsvps').where('event_id', cast.annaEvent)).map((row) =>
        Number(row.user_id)
      ),
      [bruno.id]
    )
    const eventPage = await bruno.agent.get(`/events/${cast.annaEvent}`)
    assert.equal(eventPage.status, 200)
    assert.include(eventPage.text, 'Troc de plantes au square')
    assert.include(eventPage.text, 'Ancien·ne')
    assert.notInclude(eventPage.text, 'Anna')

    /** Her campaign page, seen by Bruno, no longer names her. */
    const campaignPage = await bruno.agent.get(`/group-buys/${cast.annaCampaign}`)
    assert.equal(campaignPage.status, 200)
    assert.include(campaignPage.text, 'Terreau bio pour les balcons')
    assert.notInclude(campaignPage.text, 'Anna')

    /** Private links are gone; content others answered stays, unnamed. */
    assert.lengthOf(await db.from('organisation_members').where('user_id', anna.id), 0)
    assert.lengthOf(await db.from('notifications').where('user_id', anna.id), 0)
    assert.lengthOf(await db.from('verifications').where('user_id', anna.id), 0)
    assert.lengthOf(await db.from('postcard_requests').where('user_id', anna.id), 0)
    assert.lengthOf(await db.from('reports').where('reporter_id', anna.id), 0)
    const [reportRow] = await db.from('reports')
    assert.isNull(reportRow.note)
    assert.lengthOf(await db.from('notice_replies').where('author_id', anna.id), 1)
    assert.lengthOf(await db.from('alerts').where('author_id', anna.id), 1)
  })
})
