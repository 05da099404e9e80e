import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { loanFields, post as postExchange } from '#tests/functional/exchanges/support'
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

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

async function townHall() {
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
  return { clerk, hallId }
}

function notice(agent: import('#tests/helpers/agent').Agent, hallId: number, fields: Fields) {
  return post(
    agent,
    `/organisations/${hallId}/notices`,
    fields,
    `/organisations/${hallId}/notices/new`
  )
}

async function neighbourhoodIdAt(userNeighbourhood: number | null) {
  if (userNeighbourhood === null) throw new Error('resident not placed')
  return userNeighbourhood
}

test.group('Organisations: town hall notices', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('a notice to chosen neighbourhoods reaches only them; residents reply, the town hall reads the replies', async ({
    assert,
  }) => {
    const { clerk, hallId } = await townHall()
    const victor = await verifiedResident('victor.n@example.org')
    const cligna = await verifiedResident('cligna.n@example.org', { at: PLACES.clignancourt })
    const victorHood = await neighbourhoodIdAt(victor.neighbourhoodId)

    const form = await clerk.agent.get(`/organisations/${hallId}/notices/new`)
    assert.include(textOf(form), 'Saint-Victor')
    const sent = await notice(clerk.agent, hallId, {
      'title': 'Travaux rue Linné',
      'text': 'La rue Linné est fermée lundi de 8 h à 17 h.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': String(victorHood),
    })
    assert.equal(sent.status, 302)
    const noticeId = Number((await db.from('notices').firstOrFail()).id)

    const victorFeed = await victor.agent.get('/feed')
    assert.include(textOf(victorFeed), 'Travaux rue Linné')
    assert.include(textOf(victorFeed), 'Officiel')
    assert.notInclude(textOf(await cligna.agent.get('/feed')), 'Travaux rue Linné')
    const path = `/organisations/${hallId}/notices/${noticeId}`
    assert.equal((await cligna.agent.get(path)).status, 404)
    assert.equal(
      (await post(cligna.agent, `${path}/replies`, { reply_text: 'Et chez nous ?' }, '/feed'))
        .status,
      404
    )

    const replied = await post(
      victor.agent,
      `${path}/replies`,
      { reply_text: 'Merci pour l’info !' },
      path
    )
    assert.equal(replied.status, 302)
    const shortReply = await post(victor.agent, `${path}/replies`, { reply_text: '' }, path)
    assert.equal(shortReply.status, 422)
    assert.include(textOf(await clerk.agent.get(path)), 'Merci pour l’info !')
  })

  test('a whole-town notice pinned until a date shows above the feed; bad input is refused', async ({
    assert,
  }) => {
    const { clerk, hallId } = await townHall()
    const cligna = await verifiedResident('cligna.p@example.org', { at: PLACES.clignancourt })
    const noNeighbourhood = await notice(clerk.agent, hallId, {
      title: 'Collecte',
      text: 'Collecte des encombrants.',
      audience: 'neighbourhoods',
    })
    assert.equal(noNeighbourhood.status, 422)
    assert.include(errorsIn(noNeighbourhood.text), 'Cochez au moins un quartier.')
    const foreign = await notice(clerk.agent, hallId, {
      'title': 'Collecte',
      'text': 'Collecte des encombrants.',
      'audience': 'neighbourhoods',
      'neighbourhood_ids[0]': '999999',
    })
    assert.equal(foreign.status, 422)
    assert.include(errorsIn(foreign.text), 'Choisissez des quartiers de votre commune.')
    const past = await notice(clerk.agent, hallId, {
      title: 'Collecte',
      text: 'Collecte des encombrants.',
      audience: 'town',
      pinned_until: '2020-01-01',
    })
    assert.equal(past.status, 422)
    assert.include(errorsIn(past.text), 'Cette date est déjà passée.')
    const noTitle = await notice(clerk.agent, hallId, { title: '', text: '', audience: 'everyone' })
    assert.equal(noTitle.status, 422)
    assert.include(errorsIn(noTitle.text), 'Choisissez à qui s’adresse l’avis.')
    assert.equal(
      await db
        .from('notices')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )

    const pinned = await notice(clerk.agent, hallId, {
      title: 'Canicule : salles rafraîchies ouvertes',
      text: 'Les salles rafraîchies des mairies d’arrondissement sont ouvertes de 10 h à 18 h.',
      audience: 'town',
      pinned_until: today(),
    })
    assert.equal(pinned.status, 302)
    const feed = await cligna.agent.get('/feed')
    assert.include(feed.text, 'id="pinned-notices"')
    const box = feed.text.slice(feed.text.indexOf('id="pinned-notices"'))
    assert.include(textOf(box.slice(0, 600)), 'Canicule : salles rafraîchies ouvertes')
    assert.include(textOf(feed), 'Épinglé')
  })

  test('a town hall member without a home cannot read residents’ posts', async ({ assert }) => {
    const { clerk } = await townHall()
    const victor = await verifiedResident('victor.x@example.org')
    const exchangeId = await postExchange(victor.agent, loanFields())
    const exchange = await clerk.agent.get(`/exchanges/${exchangeId}`)
    assert.oneOf(exchange.status, [403, 404])
    const feed = await clerk.agent.get('/feed')
    assert.notInclude(textOf(feed), 'Perceuse-visseuse à prêter')
    const messages = await clerk.agent.get('/messages')
    assert.notInclude(textOf(messages), 'Perceuse')
    const rides = await clerk.agent.get('/rides')
    assert.notInclude(textOf(rides), 'Perceuse')
    /** And another organisation's management pages stay closed. */
    const marie = await account('Marie')
    const shopId = await createOrganisation(marie.agent)
    assert.equal((await clerk.agent.get(`/organisations/${shopId}/manage`)).status, 404)
  })
})
