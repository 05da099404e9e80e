import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { placeResident } from '#modules/neighbourhoods/index'
import { createResident } from '#tests/helpers/residents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  VERIFY,
  frenchDate,
  isVerifiedNow,
  neighbour,
  verifiedFor,
  vouch,
  vouchLinkOf,
  vouchesFor,
} from '#tests/functional/verification/cooptation_support'

/**
 * The anti-collusion rules, each refused with its message on the vouch page
 * (no form) and on the post (its status, nothing written).
 */
test.group('Co-optation: anti-collusion rules', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a voucher verified less than 14 days ago is told from when they can vouch', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 10 })
    const link = await vouchLinkOf(camille)
    const verifiedAt = (await db.from('residents').where('user_id', lea.id).first()).verified_at
    const from = frenchDate(DateTime.fromJSDate(verifiedAt).plus({ days: 14 }).toJSDate())
    const message = `Vous pourrez vous porter garant d&#x27;un voisin à partir du ${from}`

    const page = await lea.agent.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, message)
    assert.include(page.text, 'depuis au moins 14 jours')
    assert.notInclude(page.text, 'name="statement"')
    assert.include((await lea.agent.get(VERIFY)).text, message)

    const refused = await lea.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(refused.status, 403)
    assert.include(refused.text, message)
    assert.lengthOf(await vouchesFor(camille.id), 0)

    /** Fourteen days on, the same neighbour may vouch. */
    await verifiedFor(lea.id, 14)
    assert.equal((await vouch(lea, link)).status, 302)
    assert.lengthOf(await vouchesFor(camille.id), 1)
  })

  test('a neighbour living at the same address cannot vouch', async ({ assert }) => {
    const camille = await neighbour('Camille Martin', {
      addressLabel: '3 rue Linné, 75005 Paris',
      at: { longitude: 2.35409, latitude: 48.84766 },
    })
    /** Same building: the address written differently, the pin a few metres away. */
    const flatmate = await neighbour('Sacha Martin', {
      addressLabel: '3, Rue Linné - 75005 PARIS',
      at: { longitude: 2.35415, latitude: 48.8477 },
      verifiedDaysAgo: 100,
    })
    const link = await vouchLinkOf(camille)
    const message = 'Vous habitez à la même adresse que Camille Martin'

    const page = await flatmate.agent.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, message)
    assert.notInclude(page.text, 'name="statement"')
    const refused = await flatmate.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(refused.status, 403)
    assert.include(refused.text, message)
    assert.lengthOf(await vouchesFor(camille.id), 0)
  })

  test('at most 5 vouches per voucher in 30 days, withdrawn ones included', async ({ assert }) => {
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 60 })
    const candidates = []
    for (const name of ['Ana Roux', 'Bilal Haddad', 'Chloé Petit', 'David Morel', 'Emma Blanc']) {
      const candidate = await neighbour(name)
      candidates.push(candidate)
      assert.equal((await vouch(lea, await vouchLinkOf(candidate))).status, 302)
    }
    /** Withdrawing one frees nothing: vouching again would otherwise go round the rule. */
    const [firstVouch] = await vouchesFor(candidates[0].id)
    await lea.agent.submit(`/verify/vouches/${firstVouch.id}/withdraw`, {}, { from: VERIFY })
    assert.isNotNull((await vouchesFor(candidates[0].id))[0].withdrawn_at)
    assert.include(
      (await lea.agent.get(VERIFY)).text,
      '5 garanties données ces 30 derniers jours (au plus 5).'
    )

    const oldest = DateTime.fromJSDate(firstVouch.created_at)
    const message = `Vous avez déjà donné 5 garanties ces 30 derniers jours, le maximum. Vous pourrez en donner de nouveau à partir du ${frenchDate(oldest.plus({ days: 30 }).toJSDate())}.`
    const sixth = await neighbour('Farid Naceri')
    const link = await vouchLinkOf(sixth)
    const page = await lea.agent.get(link)
    assert.include(page.text, message)
    assert.notInclude(page.text, 'name="statement"')
    const refused = await lea.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(refused.status, 429)
    assert.include(refused.text, message)
    assert.lengthOf(await vouchesFor(sixth.id), 0)

    /** The withdrawn vouch's candidate cannot get it back either. */
    const again = await lea.agent.submit(
      await vouchLinkOf(candidates[0]),
      { statement: '1' },
      { from: VERIFY }
    )
    assert.equal(again.status, 429)

    /** Once the oldest vouch is more than 30 days old, a place is free again. */
    await db
      .from('vouches')
      .where('id', firstVouch.id)
      .update({ created_at: DateTime.now().minus({ days: 31 }).toJSDate() })
    assert.equal((await vouch(lea, link)).status, 302)
    assert.lengthOf(await vouchesFor(sixth.id), 1)
  })

  test('a neighbour vouches once for the same candidate', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)
    await vouch(lea, link)

    const page = await lea.agent.get(link)
    assert.include(page.text, 'Vous avez déjà confirmé l&#x27;adresse de Camille Martin.')
    assert.notInclude(page.text, 'name="statement"')
    const refused = await lea.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'Vous avez déjà confirmé l&#x27;adresse de Camille Martin.')
    assert.lengthOf(await vouchesFor(camille.id), 1)
    assert.isFalse(await isVerifiedNow(camille.id))
  })

  test('a candidate already verified has nothing left to ask', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)
    /** Verified by another way (a postcard) in the meantime. */
    await verifiedFor(camille.id, 1)

    const page = await lea.agent.get(link)
    assert.include(
      page.text,
      'L&#x27;adresse de Camille Martin est déjà vérifiée : il n&#x27;y a plus rien à faire.'
    )
    const refused = await lea.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(refused.status, 409)
    assert.lengthOf(await vouchesFor(camille.id), 0)
    assert.lengthOf(await db.from('verifications'), 0)
  })

  test('a candidate who moved away, or never placed their home, is refused', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)
    assert.equal((await lea.agent.get(link)).status, 200)

    /** Camille moves to Clignancourt: her link no longer opens for Saint-Victor. */
    await placeResident(camille.id, {
      ...CLIGNANCOURT,
      addressLabel: '4 rue Custine, 75018 Paris',
      placement: 'geocoder',
    })
    assert.equal((await lea.agent.get(link)).status, 404)
    const posted = await lea.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(posted.status, 404)
    assert.lengthOf(await vouchesFor(camille.id), 0)

    /** A link whose owner has no home at all (arranged: such a link cannot be handed out). */
    const nomad = await createResident({ email: 'nomad@example.org', displayName: 'Noé Nomade' })
    await db.table('vouch_links').insert({
      user_id: nomad.id,
      token: 'N'.repeat(32),
      created_at: new Date(),
    })
    assert.equal((await lea.agent.get(`/verify/vouch/${'N'.repeat(32)}`)).status, 404)
    assert.lengthOf(await vouchesFor(Number(nomad.id)), 0)
  })

  test('a vouch given before the candidate moved no longer counts', async ({ assert }) => {
    const camille = await neighbour('Camille Martin', { street: 'rue Linné' })
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)
    await vouch(lea, link)

    /** Camille moves to another street of the same neighbourhood: Léa vouched for the old one. */
    await placeResident(camille.id, {
      longitude: 2.35449,
      latitude: 48.84796,
      addressLabel: '8 rue Cuvier, 75005 Paris',
      placement: 'geocoder',
    })
    assert.equal((await vouch(karim, link)).status, 302)
    assert.isFalse(await isVerifiedNow(camille.id))
    assert.include((await camille.agent.get(VERIFY)).text, '1 voisin a confirmé votre adresse')
  })
})
