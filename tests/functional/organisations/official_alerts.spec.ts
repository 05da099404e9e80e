import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { deliveries, withAlertProviders } from '#tests/helpers/alerts'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { mailbox } from '#tests/helpers/mailbox'
import {
  account,
  createOrganisation,
  errorsIn,
  markVerified,
  post,
  shopFields,
  textOf,
  type Fields,
} from '#tests/functional/organisations/support'

function hallFields(name = 'Mairie de Paris') {
  return shopFields({
    kind: 'town_hall',
    name,
    siret: '',
    address_label: 'Place de l’Hôtel-de-Ville, 75004 Paris',
  })
}

function notice(agent: Agent, organisationId: number, fields: Fields) {
  return post(
    agent,
    `/organisations/${organisationId}/notices`,
    fields,
    `/organisations/${organisationId}/notices/new`
  )
}

async function count(table: string) {
  const [row] = await db.from(table).count('* as n')
  return Number(row.n)
}

test.group('Organisations: a town hall notice raised as an official alert', (group) => {
  withAlertProviders(group)

  test('the alert goes to the chosen neighbourhoods only, with the town hall’s badge; 3 a day at most', async ({
    assert,
  }) => {
    const clerk = await account('Agent')
    const hallId = await createOrganisation(clerk.agent, hallFields())
    await markVerified(hallId)
    const victor = await verifiedResident('victor.oa@example.org', { displayName: 'Victor Hugo' })
    const cligna = await verifiedResident('cligna.oa@example.org', { at: PLACES.clignancourt })

    const form = await clerk.agent.get(`/organisations/${hallId}/notices/new`)
    assert.include(form.text, 'name="alert_kind"')
    assert.include(form.text, 'name="alert_severity"')

    const fields = {
      'title': 'Fuite de gaz rue Linné',
      'text': 'Une fuite de gaz est en cours de réparation rue Linné : évitez la rue jusqu’à 18 h.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': String(victor.neighbourhoodId),
      'alert_kind': 'fire_hazard',
      'alert_severity': 'urgent',
    }
    const sent = await notice(clerk.agent, hallId, fields)
    assert.equal(sent.status, 302, errorsIn(sent.text).join(' | '))
    const noticeId = Number((await db.from('notices').firstOrFail()).id)

    const alerts = await db.from('alerts').orderBy('id')
    assert.lengthOf(alerts, 1)
    const alert = alerts[0]
    assert.equal(Number(alert.neighbourhood_id), victor.neighbourhoodId)
    assert.equal(alert.kind, 'fire_hazard')
    assert.equal(alert.severity, 'urgent')
    assert.equal(Number(alert.author_id), clerk.id)
    assert.include(alert.text, 'Fuite de gaz rue Linné')
    const official = await db.from('official_alerts').firstOrFail()
    assert.equal(Number(official.organisation_id), hallId)
    assert.equal(official.notice_path, `/organisations/${hallId}/notices/${noticeId}`)
    const outbox = await db.from('alert_outbox').where('alert_id', alert.id).firstOrFail()
    assert.isNotNull(outbox.expanded_at)

    /** The fan-out is the residents' one: Victor gets his delivery, Clignancourt nothing. */
    const rows = await deliveries(Number(alert.id))
    assert.isTrue(rows.some((row) => Number(row.user_id) === victor.id && row.channel === 'email'))
    assert.isFalse(rows.some((row) => Number(row.user_id) === cligna.id))
    const mail = await mailbox.waitFor('victor.oa@example.org')
    assert.include(mail.text, 'Une fuite de gaz est en cours')
    assert.lengthOf(mailbox.to('cligna.oa@example.org'), 0)

    const list = await victor.agent.get('/alerts')
    assert.include(textOf(list), 'Officiel · Mairie de Paris')
    assert.include(textOf(list), 'par Mairie de Paris')
    const page = await victor.agent.get(`/alerts/${alert.id}`)
    assert.include(textOf(page), 'Officiel · Mairie de Paris')
    assert.include(page.text, `href="/organisations/${hallId}/notices/${noticeId}"`)
    assert.notInclude(textOf(await cligna.agent.get('/alerts')), 'Fuite de gaz')

    /** Two more the same day, then a clear refusal, and nothing of the fourth is written. */
    assert.equal((await notice(clerk.agent, hallId, fields)).status, 302)
    assert.equal((await notice(clerk.agent, hallId, fields)).status, 302)
    const fourth = await notice(clerk.agent, hallId, fields)
    assert.equal(fourth.status, 409)
    assert.include(
      textOf(fourth),
      'Votre mairie a déjà lancé 3 alertes officielles ces dernières 24 heures'
    )
    assert.equal(await count('notices'), 3)
    assert.equal(await count('alerts'), 3)
    /** Without an alert the notice still goes out. */
    const plain = { ...fields, alert_kind: '', alert_severity: '' }
    assert.equal((await notice(clerk.agent, hallId, plain)).status, 302)
    assert.equal(await count('notices'), 4)
    assert.equal(await count('alerts'), 3)
  })

  test('a whole-town notice raised as an alert reaches every neighbourhood of the town', async ({
    assert,
  }) => {
    const clerk = await account('Agent')
    const hallId = await createOrganisation(clerk.agent, hallFields())
    await markVerified(hallId)
    const cligna = await verifiedResident('cligna.wt@example.org', { at: PLACES.clignancourt })
    const sent = await notice(clerk.agent, hallId, {
      title: 'Alerte canicule',
      text: 'Buvez de l’eau et prenez des nouvelles de vos voisins âgés.',
      audience: 'town',
      alert_kind: 'other_urgent',
      alert_severity: 'info',
    })
    assert.equal(sent.status, 302)
    const [{ n: parisNeighbourhoods }] = await db
      .from('neighbourhoods as n')
      .join('towns as t', 't.id', 'n.town_id')
      .where('n.town_id', cligna.townId!)
      .count('* as n')
    assert.equal(await count('alerts'), Number(parisNeighbourhoods))
    assert.equal(await count('official_alerts'), 1)
    const own = await db.from('alerts').where('neighbourhood_id', cligna.neighbourhoodId!).first()
    assert.exists(own)
  })

  test('an unverified town hall, an association or a shop cannot raise one', async ({ assert }) => {
    const clerk = await account('Agent')
    const hallId = await createOrganisation(clerk.agent, hallFields('Mairie pas vérifiée'))
    const victor = await verifiedResident('victor.uv@example.org')
    const fields = {
      'title': 'Fuite de gaz rue Linné',
      'text': 'Évitez la rue jusqu’à 18 h.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': String(victor.neighbourhoodId),
      'alert_kind': 'fire_hazard',
      'alert_severity': 'urgent',
    }
    const unverified = await notice(clerk.agent, hallId, fields)
    assert.equal(unverified.status, 403)

    const associationId = await createOrganisation(
      clerk.agent,
      shopFields({ kind: 'association', name: 'Les Amis du Jardin', siret: '', rna: 'W751234567' })
    )
    await markVerified(associationId)
    const association = await notice(clerk.agent, associationId, fields)
    assert.equal(association.status, 403)

    const shopId = await createOrganisation(clerk.agent, shopFields())
    await markVerified(shopId)
    const shop = await clerk.agent.submit(`/organisations/${shopId}/notices`, fields, {
      from: `/organisations/${shopId}/manage`,
    })
    assert.equal(shop.status, 404)

    /** An unknown kind or a resident-only kind (suspicious behaviour) is refused by the form. */
    await markVerified(hallId)
    const badKind = await notice(clerk.agent, hallId, {
      ...fields,
      alert_kind: 'suspicious_behaviour',
    })
    assert.equal(badKind.status, 422)
    assert.equal(await count('alerts'), 0)
    assert.equal(await count('notices'), 0)
  })
})
