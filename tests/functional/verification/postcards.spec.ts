import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CARD_FIELDS,
  OPERATOR_PAGE,
  VERIFY,
  askForCard,
  codesOnPrintPage,
  createBatch,
  markPosted,
  placedResident,
  postcardRows,
  signedInOperator,
  textOf,
  typeCode,
} from '#tests/functional/verification/postcards_support'

/** Every column of both tables as text, to look for a code anywhere. */
async function everythingStored(): Promise<string> {
  const { rows } = await db.rawQuery(
    `SELECT (SELECT coalesce(json_agg(r), '[]')::text FROM postcard_requests r)
         || (SELECT coalesce(json_agg(b), '[]')::text FROM postcard_batches b) AS dump`
  )
  return rows[0].dump
}

test.group('Postcards: the whole flow', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('request, print batch, posting, code typed: verified', async ({ assert }) => {
    const camille = await placedResident({
      email: 'camille@example.org',
      displayName: 'Camille Martin',
    })
    const operator = await signedInOperator()

    /** The form is pre-filled from the home and the display name. */
    const page = await camille.agent.get(VERIFY)
    assert.equal(page.status, 200)
    assert.include(page.text, 'name="postcard_name"')
    assert.include(page.text, 'value="Camille Martin"')
    assert.include(page.text, 'value="12 rue des Écoles"')
    assert.include(page.text, 'value="75005"')
    assert.include(page.text, 'value="Paris"')

    /** Asks; a user id slipped into the form is ignored. */
    const asked = await askForCard(camille.agent, { ...CARD_FIELDS, user_id: '999' })
    assert.equal(asked.status, 302)
    assert.equal(asked.location, '/verify#postcard')
    const waiting = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(waiting, 'votre carte postale sera imprimée et postée')
    assert.include(waiting, 'Elle sera imprimée et postée dans les prochains jours')
    assert.notInclude(waiting, 'name="postcard_name"')
    const [request] = await postcardRows()
    assert.equal(Number(request.user_id), camille.user.id)
    assert.equal(request.status, 'requested')
    assert.equal(request.recipient_name, 'Camille Martin')
    assert.equal(request.complement, 'Bâtiment B, 3e étage')
    assert.equal(request.street, '12 rue des Écoles')
    assert.equal(request.postcode, '75005')
    assert.equal(request.address_key, '12ruedesecoles|75005')
    assert.isNull(request.code_hash)

    /** The operator sees it waiting (name, town, date) and makes a batch. */
    const list = textOf((await operator.agent.get(OPERATOR_PAGE)).text)
    assert.include(list, '1 demande à imprimer')
    assert.include(list, 'Camille Martin')
    assert.include(list, '75005 Paris')
    const { response: made, id: batchId } = await createBatch(operator.agent)
    assert.equal(made.status, 302)
    assert.isNotNull(batchId)

    /** The print page: one card, address block, the code, French instructions. */
    const print = await operator.agent.get(made.location!)
    assert.equal(print.status, 200)
    assert.equal(print.headers.get('cache-control'), 'no-store')
    const printed = textOf(print.text)
    assert.include(printed, 'Lot créé avec 1 carte.')
    assert.include(printed, 'Bâtiment B, 3e étage')
    assert.include(printed, '75005 PARIS')
    assert.match(printed, /Allez sur http:\/\/[^ ]+\/verify/)
    assert.include(printed, 'Code valable jusqu')
    const codes = codesOnPrintPage(print.text)
    assert.equal(codes.size, 1)
    const code = codes.get(Number(request.id))!
    assert.match(code, /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)

    /** The CSV holds the same code. */
    const csv = await operator.agent.get(`${OPERATOR_PAGE}/batches/${batchId}/csv`)
    assert.equal(csv.status, 200)
    assert.include(csv.text, `;${code}\r\n`)

    /** Hashed (and encrypted until posting), never in plain text. */
    const afterBatch = (await postcardRows())[0]
    assert.equal(afterBatch.status, 'printed')
    assert.equal(Number(afterBatch.batch_id), batchId)
    assert.match(afterBatch.code_hash, /^[0-9a-f]{64}$/)
    assert.isNotNull(afterBatch.code_encrypted)
    const plain = code.replace('-', '')
    const stored = await everythingStored()
    assert.notInclude(stored, plain)
    assert.notInclude(stored, code)
    assert.notInclude(stored.toLowerCase(), plain.toLowerCase())

    /** The resident sees the card is printed, with the code form. */
    const printedPanel = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(printedPanel, 'Votre carte est imprimée et part bientôt')
    assert.include(printedPanel, 'Il vous reste 5 essais')

    /** Posted: the resident is mailed, the encrypted codes are wiped, 60 days from now. */
    const posted = await markPosted(operator.agent, batchId!)
    assert.equal(posted.status, 302)
    assert.equal(posted.location, OPERATOR_PAGE)
    const mail = await mailbox.waitFor('camille@example.org', (m) =>
      m.subject.includes('carte postale est en route')
    )
    assert.include(mail.text, 'Vérifier mon adresse')
    assert.notInclude(mail.text, code)
    assert.notInclude(mail.text, plain)
    const afterPosting = (await postcardRows())[0]
    assert.equal(afterPosting.status, 'posted')
    assert.isNull(afterPosting.code_encrypted)
    assert.equal(afterPosting.code_hash, afterBatch.code_hash)
    const days = (afterPosting.expires_at.getTime() - Date.now()) / 86_400_000
    assert.closeTo(days, 60, 0.01)
    assert.notInclude(await everythingStored(), plain)
    const batch = await db.from('postcard_batches').where('id', batchId!).firstOrFail()
    assert.equal(Number(batch.posted_by_id), operator.user.id)
    assert.isNotNull(batch.posted_at)
    const batches = textOf((await operator.agent.get(OPERATOR_PAGE)).text)
    assert.include(batches, 'Posté le')
    assert.include(batches, 'Aucune demande à imprimer')

    /** The print page and the CSV are gone (410), with the reason. */
    for (const path of ['print', 'csv']) {
      const gone = await operator.agent.get(`${OPERATOR_PAGE}/batches/${batchId}/${path}`)
      assert.equal(gone.status, 410, path)
      assert.include(textOf(gone.text), 'ses codes ne sont plus conservés', path)
      assert.notInclude(gone.text, code)
    }

    /** The resident types the code in lower case with spaces: verified. */
    const onItsWay = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(onItsWay, 'Votre carte est en route')
    const typed = await typeCode(
      camille.agent,
      `  ${plain.slice(0, 4).toLowerCase()} ${plain.slice(4).toLowerCase()} `
    )
    assert.equal(typed.status, 302)
    assert.equal(typed.location, VERIFY)
    const done = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(done, 'Code accepté : votre adresse est vérifiée.')
    assert.include(done, 'Votre adresse est vérifiée depuis le')
    assert.include(done, "Vous l'avez prouvée avec le code de notre carte postale.")

    const resident = await db.from('residents').where('user_id', camille.user.id).firstOrFail()
    assert.isNotNull(resident.verified_at)
    const verification = await db
      .from('verifications')
      .where('user_id', camille.user.id)
      .firstOrFail()
    assert.equal(verification.method, 'postcard')
    assert.equal(verification.address_label, '12 rue des Écoles, 75005 Paris')
    const used = (await postcardRows())[0]
    assert.equal(used.status, 'used')
    assert.isNotNull(used.used_at)
    await mailbox.waitFor('camille@example.org', (m) => m.subject.includes('adresse est vérifiée'))

    /** Single use: typing it again is refused (already verified), nothing changes. */
    const again = await typeCode(camille.agent, code)
    assert.equal(again.status, 409)
    assert.include(textOf(again.text), 'Votre adresse est déjà vérifiée')
    assert.lengthOf(await db.from('verifications').where('user_id', camille.user.id), 1)
  })

  test('a second batch takes only new requests; batches list who made them', async ({ assert }) => {
    const first = await placedResident({ displayName: 'Léa Dubois' })
    const operator = await signedInOperator()
    await askForCard(first.agent, { ...CARD_FIELDS, postcard_name: 'Léa Dubois' })
    const { id: one } = await createBatch(operator.agent)

    /** Nothing waiting any more: refused with a message, no empty batch. */
    const { response: empty, id: none } = await createBatch(operator.agent)
    assert.equal(empty.status, 409)
    assert.isNull(none)
    assert.include(textOf(empty.text), "Aucune demande n'attend d'être imprimée")
    assert.lengthOf(await db.from('postcard_batches'), 1)

    const second = await placedResident({
      displayName: 'Hugo Petit',
      addressLabel: '14 rue des Écoles, 75005 Paris',
    })
    await askForCard(second.agent, {
      ...CARD_FIELDS,
      postcard_name: 'Hugo Petit',
      postcard_street: '14 rue des Écoles',
    })
    const { response: made, id: two } = await createBatch(operator.agent)
    const print = await operator.agent.get(made.location!)
    assert.include(print.text, 'Hugo Petit')
    assert.notInclude(print.text, 'Léa Dubois')
    assert.notEqual(one, two)

    const list = textOf((await operator.agent.get(OPERATOR_PAGE)).text)
    assert.include(list, `Lot n° ${one}`)
    assert.include(list, `Lot n° ${two}`)
    assert.include(list, 'Opératrice Quartier')
    assert.include(list, 'Pas encore posté')
  })

  test('a request of a resident verified another way meanwhile is not printed', async ({
    assert,
  }) => {
    const camille = await placedResident()
    const operator = await signedInOperator()
    await askForCard(camille.agent)
    await db.from('residents').where('user_id', camille.user.id).update({ verified_at: new Date() })

    const { response } = await createBatch(operator.agent)
    assert.equal(response.status, 409)
    const [request] = await postcardRows()
    assert.equal(request.status, 'cancelled')
    assert.isNull(request.code_hash)
  })
})

test.group('Postcards: operators only', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident gets 403 on every operator route, and nothing changes', async ({ assert }) => {
    const camille = await placedResident({ email: 'camille@example.org' })
    const operator = await signedInOperator()
    await askForCard(camille.agent)
    const { id } = await createBatch(operator.agent)
    const before = await everythingStored()

    for (const path of [
      OPERATOR_PAGE,
      `${OPERATOR_PAGE}/batches/${id}/print`,
      `${OPERATOR_PAGE}/batches/${id}/csv`,
    ]) {
      const page = await camille.agent.get(path)
      assert.equal(page.status, 403, path)
      assert.notMatch(page.text, /postcard-sheet__code/, path)
    }
    await camille.agent.get(VERIFY)
    const token = camille.agent.csrfToken()
    for (const path of [`${OPERATOR_PAGE}/batches`, `${OPERATOR_PAGE}/batches/${id}/posted`]) {
      const response = await camille.agent.request('POST', path, {
        body: new URLSearchParams({ _csrf: token }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      assert.equal(response.status, 403, path)
    }
    assert.equal(await everythingStored(), before)
    assert.lengthOf(mailbox.to('camille@example.org'), 0)
  })

  test('guests are sent to the login page; an unknown batch is 404', async ({ assert }) => {
    const { Agent } = await import('#tests/helpers/agent')
    const guest = await new Agent().get(`${OPERATOR_PAGE}/batches/1/print`)
    assert.equal(guest.status, 302)
    assert.match(guest.location ?? '', /\/login/)

    const operator = await signedInOperator()
    assert.equal((await operator.agent.get(`${OPERATOR_PAGE}/batches/999/print`)).status, 404)
    assert.equal((await operator.agent.get(`${OPERATOR_PAGE}/batches/999/csv`)).status, 404)
    assert.equal((await markPosted(operator.agent, 999)).status, 404)
  })
})
