import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import {
  campaignRow,
  draft,
  fieldError,
  neighbour,
  openCampaign,
  pelletFields,
  submitCampaign,
  textOf,
} from '#tests/functional/group_buys/support'
import {
  createOrganisation,
  markVerified,
  shopFields,
} from '#tests/functional/organisations/support'

test.group('Group buys: a shop as supplier', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('a member of a verified shop names it as supplier; the campaign links the storefront, which lists the open campaign', async ({
    assert,
  }) => {
    const marie = await neighbour('Marie Linné')
    const lea = await neighbour('Léa Dubois')
    const shopId = await createOrganisation(marie.agent, shopFields())
    const unverified = await createOrganisation(
      marie.agent,
      shopFields({ name: 'Épicerie pas encore vérifiée' })
    )
    await markVerified(shopId)

    const form = await marie.agent.get('/group-buys/new')
    assert.include(form.text, 'name="supplier_shop_id"')
    assert.include(textOf(form), 'Boulangerie Linné')
    assert.notInclude(textOf(form), 'Épicerie pas encore vérifiée')

    const id = await openCampaign(marie, pelletFields({ supplier_shop_id: String(shopId) }))
    assert.equal(Number((await campaignRow(id)).supplier_shop_id), shopId)

    const page = await lea.agent.get(`/group-buys/${id}`)
    assert.include(page.text, `href="/organisations/${shopId}"`)
    assert.include(textOf(page), 'Voir la vitrine de Boulangerie Linné')

    const storefront = await lea.agent.get(`/organisations/${shopId}`)
    assert.equal(storefront.status, 200)
    assert.include(storefront.text, `href="/group-buys/${id}"`)
    assert.include(textOf(storefront), 'Granulés de bois pour l’hiver')

    /** A draft is not listed; an unverified shop cannot be named. */
    const other = await draft(marie.agent, pelletFields({ title: 'Fioul domestique groupé' }))
    assert.notInclude(textOf(await lea.agent.get(`/organisations/${shopId}`)), 'Fioul domestique')
    const refused = await submitCampaign(
      marie.agent,
      pelletFields({ supplier_shop_id: String(unverified) }),
      `/group-buys/${other}`
    )
    assert.equal(refused.status, 422)
    assert.include(
      fieldError(refused.text, 'supplier_shop_id'),
      'Choisissez un commerce vérifié dont vous êtes membre.'
    )
  })

  test('a shop one is not a member of is refused with a message (422), in French and English', async ({
    assert,
  }) => {
    const marie = await neighbour('Marie Linné')
    const paul = await neighbour('Paul Martin')
    const tom = await neighbour('Tom Baker', { locale: 'en' })
    const shopId = await createOrganisation(marie.agent, shopFields())
    await markVerified(shopId)

    const french = await submitCampaign(
      paul.agent,
      pelletFields({ supplier_shop_id: String(shopId) })
    )
    assert.equal(french.status, 422)
    assert.include(
      fieldError(french.text, 'supplier_shop_id'),
      'Choisissez un commerce vérifié dont vous êtes membre.'
    )
    const english = await submitCampaign(
      tom.agent,
      pelletFields({ supplier_shop_id: String(shopId) })
    )
    assert.equal(english.status, 422)
    assert.include(
      fieldError(english.text, 'supplier_shop_id'),
      'Choose a verified shop you are a member of.'
    )
    const malformed = await submitCampaign(paul.agent, pelletFields({ supplier_shop_id: 'abc' }))
    assert.equal(malformed.status, 422)
    const [row] = await db.from('group_buys').count('* as n')
    assert.equal(Number(row.n), 0)
  })
})
