import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { eventFields } from '#tests/functional/events/support'
import {
  account,
  createOrganisation,
  errorsIn,
  fieldError,
  markVerified,
  post,
  shopFields,
  textOf,
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

function postOrgEvent(
  agent: Awaited<ReturnType<typeof account>>['agent'],
  organisationId: number,
  fields: Record<string, string | undefined>
) {
  return post(
    agent,
    `/organisations/${organisationId}/events`,
    fields,
    `/organisations/${organisationId}/events/new`
  )
}

test.group('Organisations: events posted as an organisation', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('a verified association’s member posts an event under its name; its page lists it', async ({
    assert,
  }) => {
    const claire = await account('Claire')
    const associationId = await createOrganisation(claire.agent, associationFields())
    await markVerified(associationId)
    const victor = await verifiedResident('victor.ev@example.org', { displayName: 'Victor Hugo' })
    const cligna = await verifiedResident('cligna.ev@example.org', { at: PLACES.clignancourt })

    const form = await claire.agent.get(`/organisations/${associationId}/events/new`)
    assert.equal(form.status, 200)
    assert.include(textOf(form), 'Publié au nom de Les Amis du Jardin.')
    assert.include(form.text, `action="/organisations/${associationId}/events"`)

    const sent = await postOrgEvent(claire.agent, associationId, eventFields())
    assert.equal(sent.status, 302, errorsIn(sent.text).join(' | '))
    const row = await db.from('events').firstOrFail()
    assert.equal(sent.location, `/events/${row.id}`)
    assert.equal(Number(row.organisation_id), associationId)
    assert.equal(Number(row.author_id), claire.id)
    assert.equal(Number(row.neighbourhood_id), victor.neighbourhoodId)

    const page = await victor.agent.get(`/events/${row.id}`)
    assert.equal(page.status, 200)
    assert.include(textOf(page), 'Proposé par Les Amis du Jardin')
    assert.include(page.text, `href="/organisations/${associationId}"`)
    assert.notInclude(textOf(page), 'Claire')

    const feed = await victor.agent.get('/feed')
    assert.include(textOf(feed), 'Repas partagé du square')
    assert.include(textOf(feed), 'Les Amis du Jardin')

    const organisationPage = await victor.agent.get(`/organisations/${associationId}`)
    assert.include(organisationPage.text, `href="/events/${row.id}"`)
    assert.include(textOf(organisationPage), 'Repas partagé du square')
    /** Outside the event's scope: neither the event nor its title on any page. */
    assert.equal((await cligna.agent.get(`/events/${row.id}`)).status, 404)
  })

  test('unverified organisations cannot post events, outsiders get a 404, bad input a 422', async ({
    assert,
  }) => {
    const claire = await account('Claire')
    const associationId = await createOrganisation(claire.agent, associationFields())
    const refused = await postOrgEvent(claire.agent, associationId, eventFields())
    assert.equal(refused.status, 403)
    assert.include(errorsIn(refused.text).join(' '), 'pas encore vérifiée')

    await markVerified(associationId)
    const bad = await postOrgEvent(
      claire.agent,
      associationId,
      eventFields({ title: '', starts_date: '2020-01-01', ends_date: '2020-01-01' })
    )
    assert.equal(bad.status, 422)
    assert.isNotNull(fieldError(bad.text, 'title'))

    const paul = await account('Paul')
    const ownShop = await createOrganisation(paul.agent, shopFields({ name: 'Épicerie Paul' }))
    assert.equal((await paul.agent.get(`/organisations/${associationId}/events/new`)).status, 404)
    const outsider = await paul.agent.submit(
      `/organisations/${associationId}/events`,
      eventFields(),
      { from: `/organisations/${ownShop}/manage` }
    )
    assert.equal(outsider.status, 404)
    const [count] = await db.from('events').count('* as n')
    assert.equal(Number(count.n), 0)
  })
})
