import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import { openCampaign } from '#tests/functional/group_buys/support'
import { createOrganisation, markVerified } from '#tests/functional/organisations/support'
import {
  decide,
  hiddenAt,
  makeModerator,
  neighbour,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

async function threeReports(kind: string, id: number, path: string) {
  for (const name of ['Léa Dubois', 'Karim Benali', 'Hugo Petit']) {
    const reporter = await neighbour(name)
    const response = await report(reporter.agent, kind, id, path)
    if (response.status !== 302) throw new Error(`report refused (${response.status})`)
  }
}

test.group('Moderation: group buys, shop offers and notice replies', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a group buy: three reports hide it; removing it cancels it', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(camille)
    const path = `/group-buys/${id}`
    const viewer = await neighbour('Nina Roux')
    assert.include((await viewer.agent.get(path)).text, 'name="report_reason"')

    await threeReports('group_buy', id, path)
    assert.isNotNull(await hiddenAt('group_buys', id))
    assert.equal((await viewer.agent.get(path)).status, 404)
    assert.notInclude((await viewer.agent.get('/feed')).text, path)
    assert.include(textOf(await camille.agent.get(path)), 'masqué par la modération')

    const moderator = await neighbour('Omar Said')
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    await decide(moderator.agent, await reportIdFor('group_buy', id), 'remove')
    const row = await db.from('group_buys').where('id', id).firstOrFail()
    assert.equal(row.status, 'cancelled')
    assert.isNotNull(row.hidden_at)
  })

  test('a shop offer and a notice reply: reported from their pages, hidden by a moderator', async ({
    assert,
  }) => {
    const owner = await neighbour('Camille Martin')
    const shopId = await createOrganisation(owner.agent)
    await markVerified(shopId)
    const [offer] = await db
      .table('shop_offers')
      .insert({
        organisation_id: shopId,
        title: 'Croissants à moitié prix',
        text: 'Tous les croissants à moitié prix le dimanche.',
        valid_until: new Date(Date.now() + 7 * 86_400_000),
        author_id: owner.id,
        published_at: new Date(),
        created_at: new Date(),
      })
      .returning('id')
    const offerId = Number(offer.id)
    const storefront = `/organisations/${shopId}`
    const viewer = await neighbour('Nina Roux')
    const page = await viewer.agent.get(storefront)
    assert.include(page.text, 'Croissants à moitié prix')
    assert.include(page.text, `name="id" value="${offerId}"`)
    assert.equal((await report(viewer.agent, 'shop_offer', offerId, storefront)).status, 302)

    const moderator = await neighbour('Omar Said')
    await makeModerator(moderator.id, owner.neighbourhoodId!)
    assert.equal(
      (await decide(moderator.agent, await reportIdFor('shop_offer', offerId), 'hide')).status,
      302
    )
    assert.isNotNull(await hiddenAt('shop_offers', offerId))
    assert.notInclude((await viewer.agent.get(storefront)).text, 'Croissants à moitié prix')
    assert.notInclude((await viewer.agent.get('/feed')).text, 'Croissants à moitié prix')

    /** A notice of the same (verified) organisation to the whole town, and a resident's reply. */
    const [notice] = await db
      .table('notices')
      .insert({
        organisation_id: shopId,
        town_id: owner.townId,
        title: 'Travaux rue Linné',
        text: 'La rue sera fermée lundi.',
        whole_town: true,
        author_id: owner.id,
        published_at: new Date(),
        created_at: new Date(),
      })
      .returning('id')
    const author = await neighbour('Paul Girard')
    const [reply] = await db
      .table('notice_replies')
      .insert({
        notice_id: notice.id,
        author_id: author.id,
        text: 'Réponse insultante',
        created_at: new Date(),
      })
      .returning('id')
    const noticePage = `/organisations/${shopId}/notices/${notice.id}`
    assert.include((await viewer.agent.get(noticePage)).text, 'Réponse insultante')
    const replyId = Number(reply.id)
    assert.equal((await report(viewer.agent, 'notice_reply', replyId, noticePage)).status, 302)
    const reportRow = await db.from('reports').where({ kind: 'notice_reply' }).firstOrFail()
    assert.equal(Number(reportRow.neighbourhood_id), author.neighbourhoodId)
    await decide(moderator.agent, Number(reportRow.id), 'remove')
    assert.isNull(await db.from('notice_replies').where('id', replyId).first())
    assert.notInclude((await viewer.agent.get(noticePage)).text, 'Réponse insultante')
  })
})
