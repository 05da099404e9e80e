import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { resetDatabase } from '#tests/helpers/database'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
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

function associationFields() {
  return shopFields({
    kind: 'association',
    name: 'Les Amis du Jardin',
    siret: '',
    rna: 'W751234567',
    address_label: '5 rue Linné, 75005 Paris',
  })
}

function postTo(agent: Agent, organisationId: number, fields: Fields) {
  return post(
    agent,
    `/organisations/${organisationId}/notices`,
    fields,
    `/organisations/${organisationId}/notices/new`
  )
}

test.group('Organisations: association posts', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('a verified association posts to chosen neighbourhoods: their feeds and its page show it', async ({
    assert,
  }) => {
    const claire = await account('Claire')
    const associationId = await createOrganisation(claire.agent, associationFields())
    await markVerified(associationId)
    const victor = await verifiedResident('victor.ap@example.org')
    const cligna = await verifiedResident('cligna.ap@example.org', { at: PLACES.clignancourt })

    const manage = await claire.agent.get(`/organisations/${associationId}/manage`)
    assert.include(manage.text, `/organisations/${associationId}/notices/new`)
    const form = await claire.agent.get(`/organisations/${associationId}/notices/new`)
    assert.equal(form.status, 200)
    assert.include(textOf(form), 'Nouvelle publication')
    assert.notInclude(form.text, 'name="alert_kind"')
    assert.notInclude(form.text, 'name="pinned_until"')

    const sent = await postTo(claire.agent, associationId, {
      'title': 'Troc de graines samedi',
      'text': 'Apportez vos graines et boutures au jardin partagé, samedi de 10 h à 12 h.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': String(victor.neighbourhoodId),
      /** Pinning is a town hall's: ignored for an association. */
      'pinned_until': new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
        new Date()
      ),
    })
    assert.equal(sent.status, 302, errorsIn(sent.text).join(' | '))
    const row = await db.from('notices').firstOrFail()
    assert.isNull(row.pinned_until)

    const feed = await victor.agent.get('/feed')
    assert.include(textOf(feed), 'Troc de graines samedi')
    assert.include(textOf(feed), 'Les Amis du Jardin')
    assert.include(textOf(feed), 'Association')
    assert.notInclude(feed.text, 'id="pinned-notices"')
    assert.notInclude(textOf(await cligna.agent.get('/feed')), 'Troc de graines')

    const page = await victor.agent.get(`/organisations/${associationId}`)
    assert.include(textOf(page), 'Publications')
    assert.include(page.text, `/organisations/${associationId}/notices/${row.id}`)
    const postPage = await victor.agent.get(`/organisations/${associationId}/notices/${row.id}`)
    assert.equal(postPage.status, 200)
    assert.include(postPage.text, 'id="association-badge"')
    assert.notInclude(postPage.text, 'id="official-badge"')
    assert.equal(
      (await cligna.agent.get(`/organisations/${associationId}/notices/${row.id}`)).status,
      404
    )
  })

  test('an unverified association cannot post; neighbourhoods of another town are refused', async ({
    assert,
  }) => {
    const claire = await account('Claire')
    const associationId = await createOrganisation(claire.agent, associationFields())
    const fields = {
      title: 'Troc de graines samedi',
      text: 'Apportez vos graines et boutures.',
      audience: 'town',
    }
    const refused = await postTo(claire.agent, associationId, fields)
    assert.equal(refused.status, 403)
    assert.include(errorsIn(refused.text).join(' '), 'pas encore vérifiée')

    await markVerified(associationId)
    const foreign = await postTo(claire.agent, associationId, {
      'title': 'Troc de graines samedi',
      'text': 'Apportez vos graines et boutures.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': '999999',
    })
    assert.equal(foreign.status, 422)
    assert.include(errorsIn(foreign.text), 'Choisissez des quartiers de votre commune.')
    const [count] = await db.from('notices').count('* as n')
    assert.equal(Number(count.n), 0)
  })
})
