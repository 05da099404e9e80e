import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident, signIn } from '#tests/helpers/residents'
import { Agent } from '#tests/helpers/agent'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CARD_FIELDS,
  VERIFY,
  ageRequest,
  askForCard,
  createBatch,
  markPosted,
  placedResident,
  postcardRows,
  signedInOperator,
  textOf,
} from '#tests/functional/verification/postcards_support'

/** "2 mars 2026", as the pages write a date. */
function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(date)
}

const inDays = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000)

test.group('Postcards: when a card may be asked for', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('one at a time; a new one 30 days after the previous request', async ({ assert }) => {
    const camille = await placedResident()
    const operator = await signedInOperator()
    await askForCard(camille.agent)

    /** Waiting to be printed: asking again is refused. */
    const twice = await askForCard(camille.agent)
    assert.equal(twice.status, 409)
    assert.include(
      textOf(twice.text),
      "Vous avez déjà demandé une carte : elle attend d'être imprimée."
    )
    assert.lengthOf(await postcardRows(), 1)

    /** On its way: refused until 30 days after the request, with that date. */
    const { id: batchId } = await createBatch(operator.agent)
    await markPosted(operator.agent, batchId!)
    const [first] = await postcardRows()
    const retryFrom = frenchDate(inDays(first.requested_at, 30))
    const lost = await askForCard(camille.agent)
    assert.equal(lost.status, 409)
    assert.include(
      textOf(lost.text),
      `Une carte est déjà en route vers chez vous. Si elle n'arrive pas, vous pourrez en demander une autre à partir du ${retryFrom}.`
    )
    assert.include(
      textOf((await camille.agent.get(VERIFY)).text),
      `en demander une autre à partir du ${retryFrom}`
    )
    assert.lengthOf(await postcardRows(), 1)

    /** 31 days on, the card never came: a new one replaces it. */
    await ageRequest(first.id, 31)
    const panel = await camille.agent.get(VERIFY)
    assert.include(textOf(panel.text), "Votre carte n'est pas arrivée ?")
    const again = await askForCard(camille.agent)
    assert.equal(again.status, 302)
    const [old, fresh] = await postcardRows()
    assert.equal(old.status, 'cancelled')
    assert.isNull(old.code_encrypted)
    assert.equal(fresh.status, 'requested')
  })

  test('at most 3 requests per address per year, across accounts', async ({ assert }) => {
    const first = await placedResident({ email: 'a@example.org' })
    /** Same building, address typed another way. */
    const second = await placedResident({
      email: 'b@example.org',
      addressLabel: '12, Rue des Ecoles - 75005 PARIS',
    })
    const third = await placedResident({ email: 'c@example.org' })
    const operator = await signedInOperator()

    /** A card asked, printed, lost; another one 31 days later. */
    assert.equal((await askForCard(first.agent)).status, 302)
    await createBatch(operator.agent)
    await ageRequest((await postcardRows())[0].id, 31)
    assert.equal((await askForCard(first.agent)).status, 302)
    assert.equal(
      (
        await askForCard(second.agent, {
          ...CARD_FIELDS,
          postcard_street: '12, RUE DES ECOLES',
        })
      ).status,
      302
    )
    const rows = await postcardRows()
    assert.lengthOf(rows, 3)

    /** The fourth, by a third account: refused with the date it becomes possible. */
    const panel = textOf((await third.agent.get(VERIFY)).text)
    const retryFrom = frenchDate(inDays(rows[0].requested_at, 365))
    assert.include(panel, `3 cartes ont déjà été demandées pour cette adresse cette année.`)
    assert.include(panel, retryFrom)
    assert.notInclude(panel, 'name="postcard_name"')
    const refused = await askForCard(third.agent, {
      ...CARD_FIELDS,
      postcard_street: '12 r. des écoles',
    })
    assert.equal(refused.status, 409)
    assert.include(
      textOf(refused.text),
      `Trois cartes ont déjà été demandées pour cette adresse cette année. Vous pourrez en demander une nouvelle à partir du ${retryFrom}.`
    )
    assert.lengthOf(await postcardRows(), 3)

    /** Another address nearby is another count. */
    const neighbour = await placedResident({ addressLabel: '14 rue des Écoles, 75005 Paris' })
    const other = await askForCard(neighbour.agent, {
      ...CARD_FIELDS,
      postcard_street: '14 rue des Écoles',
    })
    assert.equal(other.status, 302)

    /** A year after the oldest request, the address may have a card again. */
    await ageRequest(rows[0].id, 340)
    assert.equal((await askForCard(third.agent)).status, 302)
  })

  test('the postcode must be in the département of the home', async ({ assert }) => {
    const camille = await placedResident()
    const response = await askForCard(camille.agent, {
      ...CARD_FIELDS,
      postcard_street: '21 rue Saint-Georges',
      postcard_postcode: '35000',
      postcard_town: 'Rennes',
    })
    assert.equal(response.status, 422)
    const page = textOf(response.text)
    assert.include(
      page,
      "Ce code postal n'est pas dans le département de Paris (75), où se trouve votre domicile."
    )
    assert.include(page, 'field--invalid')
    /** What was typed is shown again (the postcode field is never echoed: it says "code"). */
    assert.include(page, 'value="21 rue Saint-Georges"')
    assert.lengthOf(await postcardRows(), 0)
  })

  test('bad input is refused with a message, and nothing is written', async ({ assert }) => {
    const camille = await placedResident()
    const cases: [Record<string, string | undefined>, string][] = [
      [{ postcard_name: 'M'.repeat(61) }, 'Le nom doit faire au plus 60 caractères'],
      [{ postcard_name: '' }, 'Indiquez le nom inscrit sur votre boîte aux lettres.'],
      [{ postcard_street: undefined }, 'Indiquez le numéro et la rue de votre domicile.'],
      [
        { postcard_street: 'x'.repeat(101) },
        'Le numéro et la rue doivent faire au plus 100 caractères.',
      ],
      [{ postcard_postcode: '7500' }, 'Le code postal a 5 chiffres, par exemple 75005.'],
      [{ postcard_postcode: '75OO5' }, 'Le code postal a 5 chiffres, par exemple 75005.'],
      [
        { postcard_complement: 'c'.repeat(61) },
        "Le complément d'adresse doit faire au plus 60 caractères.",
      ],
      [{ postcard_town: '' }, 'Indiquez votre ville.'],
    ]
    for (const [fields, message] of cases) {
      const response = await askForCard(camille.agent, { ...CARD_FIELDS, ...fields })
      assert.equal(response.status, 422, message)
      assert.include(textOf(response.text), message)
    }
    assert.lengthOf(await postcardRows(), 0)
  })

  test('refused to the already verified and to residents with no home', async ({ assert }) => {
    const verified = await placedResident()
    await db
      .from('residents')
      .where('user_id', verified.user.id)
      .update({ verified_at: new Date() })
    const response = await askForCard(verified.agent)
    assert.equal(response.status, 409)
    assert.include(
      textOf(response.text),
      'Votre adresse est déjà vérifiée : pas besoin de carte postale.'
    )

    const user = await createResident({ email: 'nohome@example.org' })
    const agent = new Agent()
    await signIn(agent, user.email)
    const page = await agent.get(VERIFY)
    assert.notInclude(page.text, 'name="postcard_name"')
    const homeless = await askForCard(agent)
    assert.equal(homeless.status, 409)
    assert.include(
      textOf(homeless.text),
      "Indiquez d'abord où vous habitez : la carte part à votre domicile."
    )
    assert.lengthOf(await postcardRows(), 0)
  })

  test('asking is rate limited per resident', async ({ assert }) => {
    const camille = await placedResident()
    for (let i = 0; i < 10; i++) {
      const response = await askForCard(camille.agent, { ...CARD_FIELDS, postcard_postcode: '1' })
      assert.equal(response.status, 422)
    }
    const limited = await askForCard(camille.agent)
    assert.equal(limited.status, 429)
    assert.lengthOf(await postcardRows(), 0)
  })
})
