import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  VERIFY,
  neighbour,
  vouch,
  vouchesFor,
  type Neighbour,
} from '#tests/functional/verification/cooptation_support'

const ASK = '/verify/vouch-requests'

function ask(candidate: Neighbour, voucherId: number | string) {
  return candidate.agent.submit(ASK, { voucher_id: String(voucherId) }, { from: VERIFY })
}

async function requestsOf(candidateId: number) {
  return db.from('vouch_requests').where('candidate_id', candidateId).orderBy('id')
}

test.group('Co-optation: asking named neighbours', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the candidate asks a neighbour, who is mailed, sees the ask and vouches', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin', { street: 'rue Linné' })
    const lea = await neighbour('Léa Dubois', { street: 'rue Buffon', verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { street: 'rue Cuvier', verifiedDaysAgo: 3 })
    const hugo = await neighbour('Hugo Petit', { at: CLIGNANCOURT, verifiedDaysAgo: 30 })
    await neighbour('Jeanne Roux', { street: 'rue Monge' })

    /** Only neighbours who may vouch, by first name, initial and street. */
    const page = await camille.agent.get(VERIFY)
    assert.include(page.text, `<option value="${lea.id}"`)
    assert.include(page.text, 'Léa D. · rue Buffon')
    assert.notInclude(page.text, 'Dubois')
    assert.notInclude(page.text, `<option value="${karim.id}"`, 'verified too recently')
    assert.notInclude(page.text, `<option value="${hugo.id}"`, 'another neighbourhood')
    assert.notInclude(page.text, 'Jeanne', 'not verified')

    const asked = await ask(camille, lea.id)
    assert.equal(asked.status, 302)
    assert.equal(asked.location, VERIFY)
    const after = await camille.agent.get(VERIFY)
    assert.include(after.text, 'Votre demande est envoyée à Léa D.')
    assert.include(after.text, 'en attente')
    assert.notInclude(after.text, `<option value="${lea.id}"`, 'not offered twice')
    const [request] = await requestsOf(camille.id)
    assert.equal(Number(request.voucher_id), lea.id)
    assert.isNull(request.declined_at)

    /** The neighbour's mail leads to the vouch page. */
    const mail = await mailbox.waitFor(lea.email)
    assert.equal(mail.subject, 'Camille Martin vous demande de confirmer son adresse')
    assert.include(mail.text, 'Camille Martin, du quartier Saint-Victor')
    assert.notInclude(mail.text, 'rue Linné', 'no address in a mail')
    const link = linkIn(mail.text, '/verify/vouch/')
    assert.match(link, /^\/verify\/vouch\/[A-Za-z0-9_-]{32}$/)

    /** ...and their own page lists the ask, with a button to that page. */
    const leasPage = await lea.agent.get(VERIFY)
    assert.include(leasPage.text, 'Camille Martin vous l&#x27;a demandé le')
    assert.include(leasPage.text, `href="${link}"`)
    assert.include(leasPage.text, `/verify/vouch-requests/${request.id}/decline`)

    assert.equal((await vouch(lea, link)).status, 302)
    assert.lengthOf(await vouchesFor(camille.id), 1)
    assert.match(
      (await camille.agent.get(VERIFY)).text,
      /Léa D\. · rue Buffon\s*<span\s+class="tag tag--ok"\s*>\s*a confirmé/
    )
    assert.notInclude((await lea.agent.get(VERIFY)).text, 'Camille Martin vous l&#x27;a demandé')
  })

  test('a neighbour declines; they are not asked again', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const karim = await neighbour('Karim Benali', { verifiedDaysAgo: 30 })
    await ask(camille, lea.id)
    const [request] = await requestsOf(camille.id)

    /** Someone else's ask is not found. */
    const stranger = await karim.agent.submit(`${ASK}/${request.id}/decline`, {}, { from: VERIFY })
    assert.equal(stranger.status, 404)
    assert.isNull((await requestsOf(camille.id))[0].declined_at)

    const declined = await lea.agent.submit(`${ASK}/${request.id}/decline`, {}, { from: VERIFY })
    assert.equal(declined.status, 302)
    const leasPage = await lea.agent.get(VERIFY)
    assert.include(leasPage.text, 'ce voisin ne verra plus cette demande')
    assert.notInclude(leasPage.text, 'Camille Martin vous l&#x27;a demandé')
    assert.isNotNull((await requestsOf(camille.id))[0].declined_at)

    const camillesPage = await camille.agent.get(VERIFY)
    assert.include(camillesPage.text, 'n&#x27;a pas pu')
    const again = await ask(camille, lea.id)
    assert.equal(again.status, 409)
    assert.include(again.text, 'Vous avez déjà demandé à ce voisin.')
    assert.lengthOf(await requestsOf(camille.id), 1)
  })

  test('at most 5 asks wait for an answer at once', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const vouchers = []
    for (const name of ['Ana R', 'Bilal H', 'Chloé P', 'David M', 'Emma B', 'Farid N']) {
      vouchers.push(await neighbour(name, { verifiedDaysAgo: 30 }))
    }
    for (const voucher of vouchers.slice(0, 5)) {
      assert.equal((await ask(camille, voucher.id)).status, 302)
    }
    const full = await camille.agent.get(VERIFY)
    assert.include(full.text, 'Vous avez déjà 5 demandes en attente de réponse.')
    assert.notInclude(full.text, 'name="voucher_id"')

    mailbox.clear()
    const refused = await ask(camille, vouchers[5].id)
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'Vous avez déjà 5 demandes en attente de réponse.')
    assert.lengthOf(await requestsOf(camille.id), 5)
    assert.lengthOf(mailbox.to(vouchers[5].email), 0)

    /** An answer frees a place. */
    const [first] = await requestsOf(camille.id)
    await vouchers[0].agent.submit(`${ASK}/${first.id}/decline`, {}, { from: VERIFY })
    assert.equal((await ask(camille, vouchers[5].id)).status, 302)
    await mailbox.waitFor(vouchers[5].email)
  })

  test('only verified neighbours of the neighbourhood who may vouch can be asked', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const recent = await neighbour('Karim Benali', { verifiedDaysAgo: 3 })
    const unverified = await neighbour('Jeanne Roux')
    const elsewhere = await neighbour('Hugo Petit', { at: CLIGNANCOURT, verifiedDaysAgo: 30 })

    for (const id of [recent.id, unverified.id, elsewhere.id, camille.id, 999999, 'abc', '']) {
      const refused = await ask(camille, id)
      assert.equal(refused.status, 422, `voucher_id ${id}`)
      assert.include(refused.text, 'Choisissez un voisin dans la liste.')
    }
    assert.lengthOf(await requestsOf(camille.id), 0)
    assert.lengthOf(mailbox.messages, 0)
  })

  test('a neighbour sharing the candidate’s address cannot be asked', async ({ assert }) => {
    const camille = await neighbour('Camille Martin', {
      addressLabel: '3 rue Linné, 75005 Paris',
      at: { longitude: 2.35409, latitude: 48.84766 },
    })
    const flatmate = await neighbour('Sacha Martin', {
      addressLabel: '3 rue Linné, 75005 Paris',
      at: { longitude: 2.35409, latitude: 48.84766 },
      verifiedDaysAgo: 100,
    })
    const refused = await ask(camille, flatmate.id)
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'Ce voisin habite à la même adresse que vous')
    assert.lengthOf(await requestsOf(camille.id), 0)
  })

  test('asks are rate limited per day', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    /** Every attempt counts, refused ones included. */
    for (let attempt = 0; attempt < 10; attempt++) {
      assert.equal((await ask(camille, 'abc')).status, 422)
    }
    const limited = await ask(camille, 'abc')
    assert.equal(limited.status, 429)
  })

  test('a verified resident has nothing to ask', async ({ assert }) => {
    const camille = await neighbour('Camille Martin', { verifiedDaysAgo: 30 })
    const lea = await neighbour('Léa Dubois', { verifiedDaysAgo: 30 })
    const refused = await ask(camille, lea.id)
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'Votre adresse est déjà vérifiée')
    assert.lengthOf(await requestsOf(camille.id), 0)
  })
})
