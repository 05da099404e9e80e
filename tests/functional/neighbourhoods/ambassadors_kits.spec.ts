import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const NEW_KIT = '/super-voisin/kits/new'
const ORDER = '/super-voisin/kits'
const KITS = '/operators/kits'
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

const KIT = {
  flyers: '200',
  stickers: '20',
  posters: '5',
  delivery_name: 'Karim Benali',
  delivery_street: '4 rue Lamarck',
  delivery_postcode: '75018',
  delivery_town: 'Paris',
}

/** A resident of Saint-Victor (unless told), signed in, optionally its super voisin. */
async function resident(
  options: {
    email?: string
    at?: { longitude: number; latitude: number }
    superVoisin?: boolean
  } = {}
) {
  const user = await createResident({ email: options.email })
  await placeResident(user.id, {
    ...(options.at ?? SAINT_VICTOR),
    addressLabel: '4 rue Lamarck, 75018 Paris',
    placement: 'map_pin',
  })
  if (options.superVoisin) {
    const home = await db.from('residents').where('user_id', user.id).firstOrFail()
    await db.table('neighbourhood_roles').insert({
      neighbourhood_id: home.neighbourhood_id,
      user_id: user.id,
      role: 'super_voisin',
      created_at: new Date(),
    })
  }
  const agent = new Agent()
  await signIn(agent, user.email)
  return { user, agent }
}

async function signedInOperator(email = 'operatrice@example.org') {
  const user = await createResident({ email })
  await db.from('users').where('id', user.id).update({ role: 'operator' })
  const agent = new Agent()
  await signIn(agent, email)
  return { user, agent }
}

async function order(agent: Agent, fields: Record<string, string | undefined> = KIT) {
  return agent.submit(ORDER, fields, { from: NEW_KIT })
}

async function orders() {
  return db.from('kit_orders').orderBy('id')
}

async function statusOf(id: number) {
  return (await db.from('kit_orders').where('id', id).firstOrFail()).status as string
}

async function move(agent: Agent, id: number, step: string) {
  return agent.submit(`${KITS}/${id}/${step}`, {}, { from: KITS })
}

/** A super voisin with one requested order. */
async function requestedOrder(email = 'karim@example.org') {
  const sv = await resident({ email, superVoisin: true })
  const response = await order(sv.agent)
  if (response.status !== 302) throw new Error(`order refused (${response.status})`)
  const row = await db.from('kit_orders').where('user_id', sv.user.id).firstOrFail()
  return { ...sv, id: Number(row.id) }
}

test.group('Super voisins: ordering a kit', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident who is not a super voisin cannot order (403)', async ({ assert }) => {
    const { agent } = await resident()
    const form = await agent.get(NEW_KIT)
    assert.equal(form.status, 403)
    assert.include(form.text, 'Accès refusé')
    await agent.get('/super-voisin')
    const response = await agent.submit(ORDER, KIT, { from: '/super-voisin' })
    assert.equal(response.status, 403)
    assert.lengthOf(await orders(), 0)

    /** A super voisin of another neighbourhood who moved here is not one here. */
    const moved = await resident({ email: 'moved@example.org', superVoisin: true })
    await placeResident(moved.user.id, {
      ...CLIGNANCOURT,
      addressLabel: '6 rue Custine, 75018 Paris',
      placement: 'map_pin',
    })
    assert.equal((await moved.agent.get(NEW_KIT)).status, 403)
    assert.lengthOf(await orders(), 0)
  })

  test('refuses {name} with a translated message and writes nothing')
    .with([
      {
        name: 'a negative quantity',
        fields: { ...KIT, stickers: '-3' },
        message: 'Le nombre d&#x27;autocollants ne peut pas être négatif.',
      },
      {
        name: 'an empty kit',
        fields: { ...KIT, flyers: '0', stickers: '', posters: '0' },
        message: 'Commandez au moins un article : flyers, autocollants ou affiches.',
      },
      {
        name: 'too many flyers',
        fields: { ...KIT, flyers: '501' },
        message: 'Au plus 500 flyers par commande.',
      },
      {
        name: 'too many posters',
        fields: { ...KIT, posters: '51' },
        message: 'Au plus 50 affiches par commande.',
      },
      {
        name: 'a decimal quantity',
        fields: { ...KIT, flyers: '12.5' },
        message: 'Le champ flyers doit être un nombre entier.',
      },
      {
        name: 'a quantity that is not a number',
        fields: { ...KIT, flyers: 'beaucoup' },
        message: 'Indiquez un nombre de flyers (0 si vous n&#x27;en voulez pas).',
      },
      {
        name: 'a postcode of 4 digits',
        fields: { ...KIT, delivery_postcode: '7518' },
        message: 'Indiquez un code postal français à 5 chiffres, par exemple 75005.',
      },
      {
        name: 'a postcode with letters',
        fields: { ...KIT, delivery_postcode: '75O18' },
        message: 'Indiquez un code postal français à 5 chiffres, par exemple 75005.',
      },
      {
        name: 'a postcode that does not exist',
        fields: { ...KIT, delivery_postcode: '00123' },
        message: 'Indiquez un code postal français à 5 chiffres, par exemple 75005.',
      },
      {
        name: 'no recipient',
        fields: { ...KIT, delivery_name: '' },
        message: 'Indiquez le nom de la personne qui recevra le colis.',
      },
      {
        name: 'no street',
        fields: { ...KIT, delivery_street: undefined },
        message: 'Indiquez l&#x27;adresse de livraison (numéro et rue).',
      },
      {
        name: 'a note too long',
        fields: { ...KIT, delivery_note: 'x'.repeat(501) },
        message: 'La précision de livraison doit faire au plus 500 caractères.',
      },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await resident({ superVoisin: true })
      const response = await order(agent, row.fields)
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.include(response.text, 'error-summary')
      /** What was typed comes back. */
      assert.include(response.text, 'value="Paris"')
      assert.lengthOf(await orders(), 0)
      assert.lengthOf(await db.from('kit_order_events'), 0)
    })

  test('answers in English to an English super voisin', async ({ assert }) => {
    const sv = await resident({ superVoisin: true })
    await db.from('users').where('id', sv.user.id).update({ locale: 'en' })
    const response = await order(sv.agent, { ...KIT, flyers: '0', stickers: '0', posters: '0' })
    assert.equal(response.status, 422)
    assert.include(response.text, 'Order at least one item: flyers, stickers or posters.')
    const postcode = await order(sv.agent, { ...KIT, delivery_postcode: '123' })
    assert.include(postcode.text, 'Enter a 5-digit French postcode, for instance 75005.')
  })

  test('refuses an order without its CSRF token', async ({ assert }) => {
    const { agent } = await resident({ superVoisin: true })
    await agent.get(NEW_KIT)
    const response = await agent.submit(ORDER, KIT, { csrf: false })
    assert.equal(response.status, 403)
    assert.include(response.text, 'Le formulaire a expiré')
    assert.lengthOf(await orders(), 0)
  })

  test('two submits at once make one order', async ({ assert }) => {
    const { agent } = await resident({ superVoisin: true })
    await agent.get(NEW_KIT)
    const responses = await Promise.all([agent.submit(ORDER, KIT), agent.submit(ORDER, KIT)])
    assert.sameMembers(
      responses.map((response) => response.status),
      [302, 409]
    )
    assert.lengthOf(await orders(), 1)
    assert.lengthOf(await db.from('kit_order_events'), 1)
  })

  test('one order in progress at a time; a cancelled one frees the way', async ({ assert }) => {
    const { agent, id, user } = await requestedOrder()
    const form = await agent.get(NEW_KIT)
    assert.include(form.text, 'Vous avez déjà une commande de kit en cours')
    assert.notInclude(form.text, 'name="flyers"')
    const second = await agent.submit(ORDER, KIT, { from: '/super-voisin' })
    assert.equal(second.status, 409)
    assert.include(second.text, 'Vous avez déjà une commande de kit en cours')
    assert.lengthOf(await orders(), 1)

    /** The super voisin cancels it while it is still requested: no mail for that. */
    await agent.get(`${ORDER}/${id}`)
    const cancelled = await agent.submit(`${ORDER}/${id}/cancel`, {})
    assert.equal(cancelled.status, 302)
    assert.equal(cancelled.location, `${ORDER}/${id}`)
    assert.equal(await statusOf(id), 'cancelled')
    const page = await agent.get(`${ORDER}/${id}`)
    assert.include(page.text, `La commande n° ${id} est annulée.`)
    assert.include(page.text, 'Annulée')
    const [, last] = await db.from('kit_order_events').where('kit_order_id', id).orderBy('id')
    assert.deepEqual(
      [last.from_status, last.to_status, Number(last.actor_id)],
      ['requested', 'cancelled', Number(user.id)]
    )
    assert.lengthOf(mailbox.messages, 0)

    assert.equal((await order(agent)).status, 302)
    assert.lengthOf(await orders(), 2)
  })
})

test.group('Super voisins: kit orders are private and move forward only', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident cannot see or change another’s order, nor reach the back office', async ({
    assert,
  }) => {
    const karim = await requestedOrder('karim@example.org')
    const other = await resident({
      email: 'hugo@example.org',
      at: CLIGNANCOURT,
      superVoisin: true,
    })

    const page = await other.agent.get(`${ORDER}/${karim.id}`)
    assert.equal(page.status, 404)
    assert.notInclude(page.text, 'rue Lamarck')
    await other.agent.get('/super-voisin')
    const cancel = await other.agent.submit(`${ORDER}/${karim.id}/cancel`, {}, { from: NEW_KIT })
    assert.equal(cancel.status, 404)
    assert.equal(await statusOf(karim.id), 'requested')
    const dashboard = await other.agent.get('/super-voisin')
    assert.notInclude(dashboard.text, `Commande n° ${karim.id}`)
    assert.notInclude(dashboard.text, 'Mes commandes de kit')

    /** Nor through the operators' routes. */
    assert.equal((await other.agent.get(KITS)).status, 403)
    const approve = await other.agent.submit(`${KITS}/${karim.id}/approve`, {}, { from: NEW_KIT })
    assert.equal(approve.status, 403)
    assert.equal(await statusOf(karim.id), 'requested')

    /** Ids that do not exist: 404, never a database error. */
    for (const id of ['424242', '99999999999999999999999']) {
      assert.equal((await karim.agent.get(`${ORDER}/${id}`)).status, 404)
    }
    assert.equal((await karim.agent.get(`${ORDER}/abc`)).status, 404)
  })

  test('an order cannot skip a step nor go back; repeating a step changes nothing', async ({
    assert,
  }) => {
    const { id, agent, user } = await requestedOrder()
    const operator = await signedInOperator()

    const skip = await move(operator.agent, id, 'ship')
    assert.equal(skip.status, 409)
    assert.include(skip.text, 'est « Demandée » : elle ne peut pas passer à « Expédiée »')
    assert.equal(await statusOf(id), 'requested')

    assert.equal((await move(operator.agent, id, 'approve')).status, 302)
    const twice = await move(operator.agent, id, 'approve')
    assert.equal(twice.status, 302)
    assert.include(
      (await operator.agent.get(`${KITS}?status=approved`)).text,
      `La commande n° ${id} était déjà dans cet état : rien n&#x27;a changé.`
    )
    assert.equal(await statusOf(id), 'approved')

    /** Once approved, the super voisin can no longer cancel it. */
    const page = await agent.get(`${ORDER}/${id}`)
    assert.notInclude(page.text, 'Annuler la commande')
    const late = await agent.submit(`${ORDER}/${id}/cancel`, {})
    assert.equal(late.status, 409)
    assert.include(late.text, 'Cette commande est « Validée » : elle ne peut plus être annulée.')
    assert.equal(await statusOf(id), 'approved')

    assert.equal((await move(operator.agent, id, 'ship')).status, 302)
    const back = await move(operator.agent, id, 'approve')
    assert.equal(back.status, 409)
    assert.include(back.text, 'est « Expédiée » : elle ne peut pas passer à « Validée »')
    const cancelShipped = await move(operator.agent, id, 'cancel')
    assert.equal(cancelShipped.status, 409)
    assert.equal(await statusOf(id), 'shipped')

    const events = await db.from('kit_order_events').where('kit_order_id', id).orderBy('id')
    assert.deepEqual(
      events.map((event) => event.to_status),
      ['requested', 'approved', 'shipped']
    )
    /** One mail: the shipping. */
    assert.lengthOf(mailbox.to((await db.from('users').where('id', user.id).first()).email), 1)
    assert.equal((await move(operator.agent, 424242, 'approve')).status, 404)
  })

  test('an operator may cancel an approved order; the super voisin is told', async ({ assert }) => {
    const { id } = await requestedOrder('karim@example.org')
    const operator = await signedInOperator()
    await move(operator.agent, id, 'approve')
    const cancelled = await move(operator.agent, id, 'cancel')
    assert.equal(cancelled.status, 302)
    assert.equal(await statusOf(id), 'cancelled')
    const mail = await mailbox.waitFor('karim@example.org')
    assert.equal(mail.subject, 'Votre commande de kit est annulée')
    assert.include(mail.text, `commande n° ${id}`)

    const list = await operator.agent.get(`${KITS}?status=cancelled`)
    assert.include(list.text, `Commande n° ${id}`)
    assert.include(list.text, 'Annulée (1)')
  })

  test('the back office lists orders by status; an unknown status leads back', async ({
    assert,
  }) => {
    const first = await requestedOrder('karim@example.org')
    const second = await requestedOrder('hugo@example.org')
    const operator = await signedInOperator()
    await move(operator.agent, second.id, 'approve')

    const requested = await operator.agent.get(KITS)
    assert.include(requested.text, `Commande n° ${first.id}`)
    assert.notInclude(requested.text, `Commande n° ${second.id}`)
    assert.include(requested.text, 'Demandée (1)')
    assert.include(requested.text, 'Validée (1)')
    assert.include(requested.text, 'Valider')
    const approved = await operator.agent.get(`${KITS}?status=approved`)
    assert.include(approved.text, `Commande n° ${second.id}`)
    assert.include(approved.text, 'Marquer comme expédiée')

    const unknown = await operator.agent.get(`${KITS}?status=perdue`)
    assert.equal(unknown.status, 302)
    assert.equal(unknown.location, KITS)
  })
})
