import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  VERIFY,
  isVerifiedNow,
  neighbour,
  vouch,
  vouchLinkOf,
  vouchesFor,
} from '#tests/functional/verification/cooptation_support'

test.group('Co-optation: two neighbours vouch through the candidate link', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('two verified neighbours vouch and the candidate is verified', async ({ assert }) => {
    const camille = await neighbour('Camille Martin', { street: 'rue Linné' })
    const lea = await neighbour('Léa Dubois', { street: 'rue Buffon', verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { street: 'rue Cuvier', verifiedDaysAgo: 20 })

    /** The candidate sees their progress and the link to hand out. */
    const start = await camille.agent.get(VERIFY)
    assert.include(start.text, 'Aucun voisin n&#x27;a encore confirmé votre adresse, sur les 2')
    const link = await vouchLinkOf(camille)
    assert.match(link, /^\/verify\/vouch\/[A-Za-z0-9_-]{32}$/)
    assert.equal(await vouchLinkOf(camille), link, 'the link stays the same')

    /** A verified neighbour opens it: name and street only, the statement to tick. */
    const page = await lea.agent.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Camille Martin')
    assert.include(page.text, 'rue Linné')
    assert.notMatch(page.text, /\d+ rue Linné/, 'no house number')
    assert.include(
      page.text,
      'Je connais Camille Martin et je sais que cette personne habite rue Linné.'
    )
    assert.include(page.text, 'name="statement"')

    const first = await vouch(lea, link)
    assert.equal(first.status, 302)
    assert.equal(first.location, VERIFY)
    const thanked = await lea.agent.get(VERIFY)
    assert.include(thanked.text, 'Votre garantie pour Camille Martin est enregistrée')
    assert.include(thanked.text, 'en attente d&#x27;un second voisin')
    assert.include(thanked.text, 'Retirer ma garantie')

    let vouches = await vouchesFor(camille.id)
    assert.lengthOf(vouches, 1)
    assert.equal(Number(vouches[0].voucher_id), lea.id)
    assert.equal(vouches[0].street_name, 'rue Linné')
    assert.isNull(vouches[0].verification_id)
    assert.isFalse(await isVerifiedNow(camille.id))

    /** "1 of 2" by mail, naming the voucher by first name and initial only. */
    const progress = await mailbox.waitFor(camille.email)
    assert.equal(progress.subject, 'Un voisin a confirmé votre adresse (1 sur 2)')
    assert.include(progress.text, 'Léa D. a confirmé votre adresse.')
    assert.notInclude(progress.text, 'Dubois')
    assert.equal(linkIn(progress.text, VERIFY), VERIFY)
    const halfway = await camille.agent.get(VERIFY)
    assert.include(halfway.text, '1 voisin a confirmé votre adresse, sur les 2')
    assert.include(halfway.text, 'Léa D. a confirmé votre adresse le')
    assert.notInclude(halfway.text, 'Dubois')

    /** The second vouch verifies, in the same transaction, and links both vouches. */
    mailbox.clear()
    const second = await vouch(karim, link)
    assert.equal(second.status, 302)
    assert.include(
      (await karim.agent.get(VERIFY)).text,
      'Grâce à vous, l&#x27;adresse de Camille Martin est maintenant vérifiée'
    )
    assert.isTrue(await isVerifiedNow(camille.id))
    const verifications = await db.from('verifications').where('user_id', camille.id)
    assert.lengthOf(verifications, 1)
    assert.equal(verifications[0].method, 'cooptation')
    assert.isNull(verifications[0].reviewer_id)
    vouches = await vouchesFor(camille.id)
    assert.deepEqual(
      vouches.map((row) => [Number(row.voucher_id), Number(row.verification_id)]),
      [
        [lea.id, Number(verifications[0].id)],
        [karim.id, Number(verifications[0].id)],
      ]
    )

    const verified = await mailbox.waitFor(camille.email)
    assert.equal(verified.subject, 'Votre adresse est vérifiée')
    const done = await camille.agent.get(VERIFY)
    assert.include(done.text, 'Deux voisins vérifiés se sont portés garants pour vous.')
    assert.include((await lea.agent.get(VERIFY)).text, 'a permis sa vérification')

    /** Nothing left to do for a third neighbour: said plainly, and nothing written. */
    const hugo = await neighbour('Hugo Petit', { verifiedDaysAgo: 40 })
    const late = await hugo.agent.get(link)
    assert.equal(late.status, 200)
    assert.include(late.text, 'L&#x27;adresse de Camille Martin est déjà vérifiée')
    assert.notInclude(late.text, 'name="statement"')
    const refused = await vouch(hugo, link)
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'déjà vérifiée : il n&#x27;y a plus rien à faire')
    assert.lengthOf(await vouchesFor(camille.id), 2)
  })

  test('an unverified resident is told to verify their address first', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const jeanne = await neighbour('Jeanne Roux')
    const link = await vouchLinkOf(camille)

    for (const response of [await jeanne.agent.get(link), await vouch(jeanne, link)]) {
      assert.equal(response.status, 403)
      assert.include(response.text, 'Vérifiez d&#x27;abord votre adresse')
      assert.include(response.text, 'Seuls les habitants dont l&#x27;adresse est vérifiée')
      assert.include(response.text, 'carte postale avec un code secret')
      assert.include(response.text, 'href="/verify"')
      assert.notInclude(response.text, 'name="statement"')
    }
    assert.lengthOf(await vouchesFor(camille.id), 0)
  })

  test('a link of another neighbourhood answers 404, like an unknown one', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT, verifiedDaysAgo: 60 })
    const link = await vouchLinkOf(camille)

    const page = await karim.agent.get(link)
    assert.equal(page.status, 404)
    assert.notInclude(page.text, 'Camille')
    const posted = await karim.agent.submit(link, { statement: '1' }, { from: VERIFY })
    assert.equal(posted.status, 404)
    assert.equal((await karim.agent.get('/verify/vouch/' + 'A'.repeat(32))).status, 404)
    assert.equal((await karim.agent.get('/verify/vouch/short')).status, 404)
    assert.lengthOf(await vouchesFor(camille.id), 0)
  })

  test('the statement must be ticked: 422 and nothing written', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)

    for (const fields of [{}, { statement: 'non' }]) {
      const refused = await vouch(lea, link, fields)
      assert.equal(refused.status, 422)
      assert.include(refused.text, 'Cochez la déclaration pour vous porter garant')
      assert.include(refused.text, 'name="statement"')
    }
    assert.lengthOf(await vouchesFor(camille.id), 0)
    assert.lengthOf(mailbox.messages, 0)
  })

  test('a candidate cannot vouch for themselves', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const link = await vouchLinkOf(camille)

    const own = await camille.agent.get(link)
    assert.equal(own.status, 200)
    assert.include(own.text, 'C&#x27;est votre lien personnel')
    assert.notInclude(own.text, 'name="statement"')
    const refused = await vouch(camille, link)
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'on ne peut pas se porter garant de soi-même')
    assert.lengthOf(await vouchesFor(camille.id), 0)
  })
})

test.group('Co-optation: withdrawing a vouch', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a vouch withdrawn before it counts: a third neighbour is needed', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { verifiedDaysAgo: 30 })
    const hugo = await neighbour('Hugo Petit', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)

    await vouch(lea, link)
    const [leasVouch] = await vouchesFor(camille.id)

    /** Only its author can withdraw it: anyone else gets a 404. */
    const stranger = await karim.agent.submit(
      `/verify/vouches/${leasVouch.id}/withdraw`,
      {},
      { from: VERIFY }
    )
    assert.equal(stranger.status, 404)
    assert.isNull((await vouchesFor(camille.id))[0].withdrawn_at)

    const withdrawn = await lea.agent.submit(
      `/verify/vouches/${leasVouch.id}/withdraw`,
      {},
      { from: VERIFY }
    )
    assert.equal(withdrawn.status, 302)
    assert.equal(withdrawn.location, VERIFY)
    const leasPage = await lea.agent.get(VERIFY)
    assert.include(leasPage.text, 'Votre garantie est retirée.')
    assert.include(leasPage.text, 'retirée')
    assert.notInclude(leasPage.text, 'Retirer ma garantie')
    const kept = await vouchesFor(camille.id)
    assert.lengthOf(kept, 1, 'the row stays for the audit')
    assert.isNotNull(kept[0].withdrawn_at)

    /** Karim's vouch is now the first that counts... */
    await vouch(karim, link)
    assert.isFalse(await isVerifiedNow(camille.id))
    assert.include((await camille.agent.get(VERIFY)).text, '1 voisin a confirmé votre adresse')

    /** ...and Hugo's the second. */
    await vouch(hugo, link)
    assert.isTrue(await isVerifiedNow(camille.id))
    const [verification] = await db.from('verifications').where('user_id', camille.id)
    const rows = await vouchesFor(camille.id)
    assert.deepEqual(
      rows.map((row) => [
        Number(row.voucher_id),
        row.verification_id && Number(row.verification_id),
      ]),
      [
        [lea.id, null],
        [karim.id, Number(verification.id)],
        [hugo.id, Number(verification.id)],
      ]
    )
  })

  test('a vouch that counted cannot be withdrawn', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)
    await vouch(lea, link)
    await vouch(karim, link)
    const [leasVouch] = await vouchesFor(camille.id)

    const leasPage = await lea.agent.get(VERIFY)
    assert.notInclude(leasPage.text, 'Retirer ma garantie')
    const refused = await lea.agent.submit(
      `/verify/vouches/${leasVouch.id}/withdraw`,
      {},
      { from: VERIFY }
    )
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'elle ne peut plus être retirée')
    const [after] = await vouchesFor(camille.id)
    assert.isNull(after.withdrawn_at)
    assert.isTrue(await isVerifiedNow(camille.id))
  })
})

test.group('Co-optation: two vouches at the same moment', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('two vouches posted together make exactly one verification', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { verifiedDaysAgo: 30 })
    const link = await vouchLinkOf(camille)

    const post = (voucher: typeof lea) => vouch(voucher, link).then((response) => response.status)
    const [leaStatus, karimStatus] = await Promise.all([post(lea), post(karim)])
    assert.deepEqual([leaStatus, karimStatus], [302, 302])

    const verifications = await db.from('verifications').where('user_id', camille.id)
    assert.lengthOf(verifications, 1)
    assert.equal(verifications[0].method, 'cooptation')
    const rows = await vouchesFor(camille.id)
    assert.lengthOf(rows, 2)
    for (const row of rows) assert.equal(Number(row.verification_id), Number(verifications[0].id))
    assert.isTrue(await isVerifiedNow(camille.id))
  })
})
