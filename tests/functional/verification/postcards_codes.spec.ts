import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { Agent } from '#tests/helpers/agent'
import {
  CARD_FIELDS,
  OPERATOR_PAGE,
  VERIFY,
  ageRequest,
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

/** "2 mars 2026", as the pages write a date. */
function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(date)
}

/** Residents' cards printed and posted by an operator; their codes by request id. */
async function postCards(residents: Agent[], options: { post?: boolean } = {}) {
  const operator = await signedInOperator(`operator${Date.now()}@example.org`)
  for (const agent of residents) await askForCard(agent)
  const { response, id } = await createBatch(operator.agent)
  const codes = codesOnPrintPage((await operator.agent.get(response.location!)).text)
  if (options.post !== false) await markPosted(operator.agent, id!)
  return codes
}

/** A code of the alphabet that is not `code`. */
function otherThan(code: string): string {
  const plain = code.replace('-', '')
  return (plain[0] === 'A' ? 'B' : 'A') + plain.slice(1)
}

async function isVerified(userId: number): Promise<boolean> {
  const row = await db.from('residents').where('user_id', userId).firstOrFail()
  return row.verified_at !== null
}

test.group('Postcards: typing the code', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('5 wrong tries lock the code; then even the right one is refused', async ({ assert }) => {
    const camille = await placedResident()
    const codes = await postCards([camille.agent])
    const [code] = [...codes.values()]
    const wrong = otherThan(code)

    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await typeCode(camille.agent, wrong)
      assert.equal(response.status, 422)
      const left = 5 - attempt
      assert.include(
        textOf(response.text),
        `Ce n'est pas le bon code. Il vous reste ${left} ${left === 1 ? 'essai' : 'essais'}.`
      )
      assert.include(
        textOf(response.text),
        `Il vous reste ${left} ${left === 1 ? 'essai' : 'essais'}`
      )
      /** What was typed is never shown back. */
      assert.notInclude(response.text, `value="${wrong}"`)
      assert.equal((await postcardRows())[0].failed_attempts, attempt)
    }

    const [request] = await postcardRows()
    const retryFrom = frenchDate(new Date(request.requested_at.getTime() + 30 * 86_400_000))
    const fifth = await typeCode(camille.agent, wrong)
    assert.equal(fifth.status, 422)
    assert.include(
      textOf(fifth.text),
      `c'était le dernier essai : le code est bloqué. Vous pourrez demander une nouvelle carte à partir du ${retryFrom}.`
    )
    const locked = (await postcardRows())[0]
    assert.equal(locked.status, 'locked')
    assert.equal(locked.failed_attempts, 5)
    assert.isNotNull(locked.locked_at)

    const right = await typeCode(camille.agent, code)
    assert.equal(right.status, 409)
    assert.include(textOf(right.text), "Le code de votre carte est bloqué après trop d'erreurs.")
    assert.isFalse(await isVerified(camille.user.id))
    assert.lengthOf(await db.from('verifications'), 0)
    assert.equal((await postcardRows())[0].status, 'locked')

    const panel = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(
      panel,
      `le code de votre carte est bloqué. Vous pourrez demander une nouvelle carte à partir du ${retryFrom}.`
    )
    assert.notInclude(panel, 'name="code"')
    assert.notInclude(panel, 'name="postcard_name"')

    /** 30 days later a new card may be asked for. */
    await ageRequest(locked.id, 31)
    assert.include((await camille.agent.get(VERIFY)).text, 'name="postcard_name"')
    assert.equal((await askForCard(camille.agent)).status, 302)
  })

  test('an expired code is refused with a clear message', async ({ assert }) => {
    const camille = await placedResident()
    const codes = await postCards([camille.agent])
    const [code] = [...codes.values()]
    const [request] = await postcardRows()
    await ageRequest(request.id, 61)

    const panel = textOf((await camille.agent.get(VERIFY)).text)
    assert.include(panel, 'Le code de votre carte a expiré.')
    assert.include(panel, 'name="postcard_name"')

    const response = await typeCode(camille.agent, code)
    assert.equal(response.status, 409)
    assert.include(
      textOf(response.text),
      'Le code de cette carte a expiré. Demandez une nouvelle carte.'
    )
    assert.equal((await postcardRows())[0].status, 'expired')
    assert.isFalse(await isVerified(camille.user.id))

    /** A new card can be asked for at once (the previous request is 61 days old). */
    assert.equal((await askForCard(camille.agent)).status, 302)
  })

  test('a code typed before posting works (the card may arrive first)', async ({ assert }) => {
    const camille = await placedResident()
    const codes = await postCards([camille.agent], { post: false })
    const [code] = [...codes.values()]
    const response = await typeCode(camille.agent, code.toLowerCase())
    assert.equal(response.status, 302)
    assert.isTrue(await isVerified(camille.user.id))
    const [used] = await postcardRows()
    assert.equal(used.status, 'used')
    /** Its encrypted copy is wiped at once: a used code is not printed again. */
    assert.isNull(used.code_encrypted)
  })

  test('bad input is refused without costing a try', async ({ assert }) => {
    const camille = await placedResident()
    await postCards([camille.agent])
    const cases: [string | undefined, string][] = [
      [undefined, 'Saisissez le code imprimé sur votre carte postale.'],
      ['', 'Saisissez le code imprimé sur votre carte postale.'],
      ['ABCD-EFGH-JKMN-PQRS-TUVW', 'Ce code est trop long'],
      ['ABCD-EFG0', "Ce code n'a pas le bon format : 8 lettres et chiffres"],
      ['ABCD-EFG', "Ce code n'a pas le bon format"],
      ['<script>', "Ce code n'a pas le bon format"],
    ]
    for (const [code, message] of cases) {
      const response = await typeCode(camille.agent, code)
      assert.equal(response.status, 422, String(code))
      assert.include(textOf(response.text), message)
      assert.notInclude(response.text, '<script>')
    }
    const [request] = await postcardRows()
    assert.equal(request.failed_attempts, 0)
    assert.equal(request.status, 'posted')
  })

  test('a code only works for the card of whoever asked for it', async ({ assert }) => {
    const camille = await placedResident({ email: 'camille@example.org' })
    const hugo = await placedResident({
      email: 'hugo@example.org',
      addressLabel: '14 rue des Écoles, 75005 Paris',
    })
    const operator = await signedInOperator()
    await askForCard(camille.agent)
    await askForCard(hugo.agent, { ...CARD_FIELDS, postcard_street: '14 rue des Écoles' })
    const { response } = await createBatch(operator.agent)
    const codes = codesOnPrintPage((await operator.agent.get(response.location!)).text)
    const [camilleRow, hugoRow] = await postcardRows()

    const stolen = await typeCode(hugo.agent, codes.get(Number(camilleRow.id))!)
    assert.equal(stolen.status, 422)
    assert.include(textOf(stolen.text), "Ce n'est pas le bon code. Il vous reste 4 essais.")
    const [camilleAfter, hugoAfter] = await postcardRows()
    assert.equal(camilleAfter.failed_attempts, 0)
    assert.equal(camilleAfter.status, 'printed')
    assert.equal(hugoAfter.failed_attempts, 1)
    assert.isFalse(await isVerified(hugo.user.id))

    /** The resident's page never shows anyone else's card. */
    const page = await hugo.agent.get(VERIFY)
    assert.notInclude(page.text, 'Camille')
    assert.notInclude(page.text, codes.get(Number(camilleRow.id))!)
    assert.notInclude(page.text, codes.get(Number(hugoRow.id))!)
    assert.equal((await hugo.agent.get(`${OPERATOR_PAGE}/batches/1/print`)).status, 403)
  })

  test('no card, a card not printed yet, a resident who moved', async ({ assert }) => {
    const camille = await placedResident()
    const none = await typeCode(camille.agent, 'ABCD-EFGH')
    assert.equal(none.status, 409)
    assert.include(
      textOf(none.text),
      "Vous n'avez pas de carte en cours : demandez-en une d'abord."
    )

    await askForCard(camille.agent)
    const early = await typeCode(camille.agent, 'ABCD-EFGH')
    assert.equal(early.status, 409)
    assert.include(textOf(early.text), "Votre carte n'est pas encore imprimée")

    const operator = await signedInOperator()
    const { response } = await createBatch(operator.agent)
    const [code] = codesOnPrintPage((await operator.agent.get(response.location!)).text).values()
    await placeResident(camille.user.id, {
      longitude: 2.3466,
      latitude: 48.8909,
      addressLabel: '6 rue Custine, 75018 Paris',
      placement: 'geocoder',
    })
    const moved = await typeCode(camille.agent, code)
    assert.equal(moved.status, 409)
    assert.include(textOf(moved.text), 'Vous avez déménagé depuis la demande')
    assert.equal((await postcardRows())[0].status, 'cancelled')
    assert.isFalse(await isVerified(camille.user.id))
  })

  test('in English for an English-speaking resident', async ({ assert }) => {
    const tom = await placedResident({ locale: 'en' })
    const form = textOf((await tom.agent.get(VERIFY)).text)
    assert.include(form, 'Name on the letterbox')
    assert.include(form, 'Send me a postcard')
    const codes = await postCards([tom.agent])
    const [code] = [...codes.values()]
    const panel = textOf((await tom.agent.get(VERIFY)).text)
    assert.include(panel, 'Your card is on its way.')
    assert.include(panel, 'You have 5 tries left.')
    const wrong = await typeCode(tom.agent, otherThan(code))
    assert.equal(wrong.status, 422)
    assert.include(textOf(wrong.text), 'That is not the right code. You have 4 tries left.')
  })

  test('typing codes is rate limited per resident and IP', async ({ assert }) => {
    const camille = await placedResident()
    for (let i = 0; i < 10; i++) {
      assert.equal((await typeCode(camille.agent, 'bad')).status, 422)
    }
    assert.equal((await typeCode(camille.agent, 'ABCD-EFGH')).status, 429)
  })
})
