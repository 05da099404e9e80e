import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isSuperVoisin, placeResident, recordInvitationJoin } from '#modules/neighbourhoods/index'
import { Agent, linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const DASHBOARD = '/super-voisin'
const APPLY = '/super-voisin/apply'
const REVIEW = '/operators/super-voisins'
const KITS = '/operators/kits'
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
const LYON = { longitude: 4.8357, latitude: 45.764 }

const APPLICATION = {
  motivation: 'Je connais les commerçants de la rue et j’anime déjà la fête des voisins.',
  availability: 'weekly',
}

const KIT = {
  flyers: '200',
  stickers: '20',
  posters: '5',
  delivery_name: 'Camille Martin',
  delivery_street: '12 rue des Écoles',
  delivery_postcode: '75005',
  delivery_town: 'Paris',
  delivery_note: 'Digicode 4521B',
}

/** A resident with a home (Saint-Victor unless told), signed in on an agent. */
async function placedResident(
  options: {
    email?: string
    displayName?: string
    locale?: string
    at?: { longitude: number; latitude: number }
  } = {}
) {
  const user = await createResident({
    email: options.email,
    displayName: options.displayName,
    locale: options.locale,
  })
  await placeResident(user.id, {
    ...(options.at ?? SAINT_VICTOR),
    addressLabel: '12 rue des Écoles, 75005 Paris',
    placement: 'geocoder',
  })
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, user.email)
  return { user, agent }
}

/** An operator (users.role = 'operator'), signed in. */
async function signedInOperator(email = 'operatrice@example.org') {
  const user = await createResident({ email, displayName: 'Opératrice Quartier' })
  await db.from('users').where('id', user.id).update({ role: 'operator' })
  const agent = new Agent()
  await signIn(agent, email)
  return { user, agent }
}

async function neighbourhoodId(slug: string): Promise<number> {
  const row = await db.from('neighbourhoods').where('slug', slug).firstOrFail()
  return Number(row.id)
}

async function applications() {
  return db.from('ambassador_applications').orderBy('id')
}

async function superVoisinRoles() {
  return db.from('neighbourhood_roles').where('role', 'super_voisin').orderBy('id')
}

async function apply(agent: Agent, fields: Record<string, string | undefined> = APPLICATION) {
  return agent.submit(APPLY, fields, { from: DASHBOARD })
}

async function decide(agent: Agent, id: number | string, decision: string, fields = {}) {
  return agent.submit(`${REVIEW}/${id}/${decision}`, fields, { from: REVIEW })
}

/** The figure shown in one of the dashboard's stat boxes. */
function stat(page: string, name: 'sent' | 'joined' | 'verified'): number {
  const match = page.match(
    new RegExp(`id="stat-${name}">\\s*<span class="stat__value">(\\d+)</span>`)
  )
  if (!match) throw new Error(`no ${name} figure on the page`)
  return Number(match[1])
}

test.group('Super voisins: the whole flow', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('super voisin flow', async ({ assert }) => {
    const camille = await placedResident({
      email: 'camille@example.org',
      displayName: 'Camille Martin',
    })
    const operator = await signedInOperator()
    const victor = await neighbourhoodId('saint-victor')

    /** A resident sees what a super voisin does and the form. */
    const intro = await camille.agent.get(DASHBOARD)
    assert.equal(intro.status, 200)
    assert.include(intro.text, 'Devenir super voisin')
    assert.include(intro.text, 'Saint-Victor')
    assert.include(intro.text, 'name="motivation"')
    assert.include(intro.text, 'Quelques heures par semaine')

    /** Applies; a neighbourhood id slipped into the form is ignored. */
    const applied = await apply(camille.agent, {
      ...APPLICATION,
      neighbourhood_id: String(await neighbourhoodId('clignancourt')),
    })
    assert.equal(applied.status, 302)
    assert.equal(applied.location, DASHBOARD)
    const waiting = await camille.agent.get(DASHBOARD)
    assert.include(waiting.text, 'Merci ! Votre candidature est envoyée')
    assert.include(waiting.text, 'Candidature en cours d&#x27;examen')
    assert.notInclude(waiting.text, 'name="motivation"')
    const [application] = await applications()
    assert.equal(application.status, 'pending')
    assert.equal(Number(application.neighbourhood_id), victor)
    assert.equal(Number(application.user_id), camille.user.id)
    assert.equal(application.availability, 'weekly')
    assert.equal(application.motivation, APPLICATION.motivation)

    /** The operator sees it in the queue, with who, where, why and when. */
    const queue = await operator.agent.get(REVIEW)
    assert.equal(queue.status, 200)
    assert.include(queue.text, '1 candidature en attente')
    assert.include(queue.text, 'Camille Martin')
    assert.include(queue.text, 'Saint-Victor (Paris)')
    assert.include(queue.text, 'Je connais les commerçants de la rue')
    assert.include(queue.text, 'disponibilité : Quelques heures par semaine')

    /** Approves: the role is granted, by the operator, and the resident is mailed. */
    const approved = await decide(operator.agent, application.id, 'approve')
    assert.equal(approved.status, 302)
    assert.equal(approved.location, REVIEW)
    const decided = (await applications())[0]
    assert.equal(decided.status, 'approved')
    assert.equal(Number(decided.decided_by_id), operator.user.id)
    assert.isNotNull(decided.decided_at)
    const roles = await superVoisinRoles()
    assert.lengthOf(roles, 1)
    assert.equal(Number(roles[0].user_id), camille.user.id)
    assert.equal(Number(roles[0].neighbourhood_id), victor)
    assert.equal(Number(roles[0].granted_by_id), operator.user.id)
    assert.isTrue(await isSuperVoisin(camille.user.id))

    const welcome = await mailbox.waitFor('camille@example.org')
    assert.equal(welcome.subject, 'Vous êtes super voisin du quartier Saint-Victor')
    assert.include(welcome.text, 'Bonjour Camille Martin,')
    assert.equal(linkIn(welcome.text, DASHBOARD), DASHBOARD)
    assert.include((await operator.agent.get(REVIEW)).text, 'Aucune candidature en attente')

    /** The dashboard: neighbourhood, figures, links to invite and to order a kit. */
    let dashboard = await camille.agent.get(DASHBOARD)
    assert.include(dashboard.text, 'Vous êtes super voisin du quartier Saint-Victor (Paris)')
    assert.deepEqual([stat(dashboard.text, 'sent'), stat(dashboard.text, 'joined')], [0, 0])
    assert.include(dashboard.text, 'href="/neighbourhood/invite"')
    assert.include(dashboard.text, 'href="/super-voisin/kits/new"')

    /** One real e-mail invitation; the invitee joins and gets verified. */
    const invited = await camille.agent.submit(
      '/neighbourhood/invite/email',
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { from: '/neighbourhood/invite' }
    )
    assert.equal(invited.status, 302)
    dashboard = await camille.agent.get(DASHBOARD)
    assert.equal(stat(dashboard.text, 'sent'), 1)
    assert.equal(stat(dashboard.text, 'joined'), 0)
    const code = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/join/').slice(6)
    const jeanne = await createResident({ email: 'jeanne@example.org' })
    assert.isNotNull(await recordInvitationJoin(code, jeanne.id))
    await placeResident(jeanne.id, {
      ...SAINT_VICTOR,
      addressLabel: '3 rue Linné',
      placement: 'map_pin',
    })
    await db.from('residents').where('user_id', jeanne.id).update({ verified_at: new Date() })
    dashboard = await camille.agent.get(DASHBOARD)
    assert.deepEqual(
      [
        stat(dashboard.text, 'sent'),
        stat(dashboard.text, 'joined'),
        stat(dashboard.text, 'verified'),
      ],
      [1, 1, 1]
    )

    /** Orders a kit. */
    const form = await camille.agent.get('/super-voisin/kits/new')
    assert.equal(form.status, 200)
    assert.include(form.text, 'Flyers (au plus 500)')
    assert.include(form.text, 'value="Camille Martin"')
    const ordered = await camille.agent.submit('/super-voisin/kits', KIT, {
      from: '/super-voisin/kits/new',
    })
    assert.equal(ordered.status, 302)
    const [order] = await db.from('kit_orders')
    assert.equal(ordered.location, `/super-voisin/kits/${order.id}`)
    assert.equal(order.status, 'requested')
    assert.deepEqual([order.flyers, order.stickers, order.posters], [200, 20, 5])
    assert.equal(Number(order.neighbourhood_id), victor)
    assert.equal(order.delivery_postcode, '75005')
    assert.equal(order.delivery_note, 'Digicode 4521B')
    const mine = await camille.agent.get(ordered.location!)
    assert.include(mine.text, `Commande n° ${order.id}`)
    assert.include(mine.text, '200 flyers, 20 autocollants, 5 affiches')
    assert.include(mine.text, 'Demandée')
    assert.include(mine.text, 'Annuler la commande')

    /** The operator sees it with its delivery address, approves it, then ships it. */
    const requested = await operator.agent.get(KITS)
    assert.equal(requested.status, 200)
    assert.include(requested.text, `Commande n° ${order.id}`)
    assert.include(requested.text, '12 rue des Écoles')
    assert.include(requested.text, '75005 Paris')
    assert.include(requested.text, 'Digicode 4521B')
    const approve = await operator.agent.submit(`${KITS}/${order.id}/approve`, {}, { from: KITS })
    assert.equal(approve.status, 302)
    assert.equal(approve.location, `${KITS}?status=requested`)
    const ship = await operator.agent.submit(
      `${KITS}/${order.id}/ship`,
      {},
      { from: `${KITS}?status=approved` }
    )
    assert.equal(ship.status, 302)

    const events = await db.from('kit_order_events').where('kit_order_id', order.id).orderBy('id')
    assert.deepEqual(
      events.map((event) => [event.from_status, event.to_status, Number(event.actor_id)]),
      [
        [null, 'requested', Number(camille.user.id)],
        ['requested', 'approved', Number(operator.user.id)],
        ['approved', 'shipped', Number(operator.user.id)],
      ]
    )
    assert.equal((await db.from('kit_orders').where('id', order.id).first()).status, 'shipped')

    const shipped = await mailbox.waitFor('camille@example.org', (mail) =>
      mail.subject.includes('kit')
    )
    assert.equal(shipped.subject, 'Votre kit de promotion est en route')
    assert.include(shipped.text, `commande n° ${order.id}`)
    assert.equal(linkIn(shipped.text, '/super-voisin/kits/'), `/super-voisin/kits/${order.id}`)
    assert.notInclude(shipped.text, 'rue des Écoles')
    assert.lengthOf(mailbox.to('camille@example.org'), 2)

    /** The super voisin sees the history (the team, not the operator's name). */
    const history = await camille.agent.get(`/super-voisin/kits/${order.id}`)
    assert.include(history.text, 'Expédiée')
    assert.include(history.text, 'l&#x27;équipe Quartier')
    assert.notInclude(history.text, 'Opératrice Quartier')
    assert.notInclude(history.text, 'Annuler la commande')
    const shippedList = await operator.agent.get(`${KITS}?status=shipped`)
    assert.include(shippedList.text, `Commande n° ${order.id}`)
    assert.include(shippedList.text, 'Opératrice Quartier')
    dashboard = await camille.agent.get(DASHBOARD)
    assert.include(dashboard.text, 'Mes commandes de kit')
    assert.include(dashboard.text, 'Expédiée')
    assert.include(dashboard.text, 'href="/super-voisin/kits/new"')
  })
})

test.group('Super voisins: applying', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('pages are for signed-in residents; the back office for operators', async ({ assert }) => {
    for (const path of [DASHBOARD, '/super-voisin/kits/new', REVIEW, KITS]) {
      const response = await new Agent().get(path)
      assert.equal(response.status, 302, path)
      assert.equal(response.location, '/login')
    }
    const { agent } = await placedResident()
    for (const path of [REVIEW, KITS, `${KITS}?status=shipped`]) {
      const page = await agent.get(path)
      assert.equal(page.status, 403, path)
      assert.include(page.text, 'Accès refusé')
    }
  })

  test('a resident without a neighbourhood is told what to do, and nothing is written', async ({
    assert,
  }) => {
    const homeless = await createResident()
    const outside = await createResident()
    await placeResident(outside.id, {
      ...LYON,
      addressLabel: '1 place Bellecour, 69002 Lyon',
      placement: 'map_pin',
    })
    for (const user of [homeless, outside]) {
      const agent = new Agent()
      await signIn(agent, user.email)
      const page = await agent.get(DASHBOARD)
      assert.equal(page.status, 200)
      assert.include(page.text, 'Indiquez d&#x27;abord où vous habitez')
      assert.include(page.text, 'href="/home"')
      assert.notInclude(page.text, 'name="motivation"')

      const response = await apply(agent)
      assert.equal(response.status, 403)
      assert.include(
        response.text,
        'Pour devenir super voisin, indiquez d&#x27;abord où vous habitez'
      )
    }
    assert.lengthOf(await applications(), 0)
  })

  test('refuses {name} with a translated message and writes nothing')
    .with([
      {
        name: 'an empty motivation',
        fields: { motivation: '', availability: 'weekly' },
        message: 'Expliquez en quelques mots pourquoi vous voulez devenir super voisin.',
      },
      {
        name: 'a motivation too short',
        fields: { motivation: 'Moi, moi, moi !', availability: 'weekly' },
        message: 'Votre motivation doit faire au moins 20 caractères',
      },
      {
        name: 'a motivation too long',
        fields: { motivation: 'x'.repeat(2001), availability: 'weekly' },
        message: 'Votre motivation doit faire au plus 2000 caractères.',
      },
      {
        name: 'no availability',
        fields: { motivation: APPLICATION.motivation },
        message: 'Indiquez le temps que vous pouvez y consacrer.',
      },
      {
        name: 'an unknown availability',
        fields: { motivation: APPLICATION.motivation, availability: 'jamais' },
        message: 'Choisissez une des disponibilités proposées.',
      },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await placedResident()
      const response = await apply(agent, row.fields)
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.include(response.text, 'error-summary')
      assert.lengthOf(await applications(), 0)
    })

  test('answers in English to an English resident', async ({ assert }) => {
    const { agent } = await placedResident({ locale: 'en' })
    assert.include((await agent.get(DASHBOARD)).text, 'Become a super voisin')
    const response = await apply(agent, { motivation: 'short', availability: 'weekly' })
    assert.equal(response.status, 422)
    assert.include(response.text, 'Your motivation must be at least 20 characters long')
  })

  test('refuses a form without its CSRF token', async ({ assert }) => {
    const { agent } = await placedResident()
    await agent.get(DASHBOARD)
    const response = await agent.submit(APPLY, APPLICATION, { csrf: false })
    assert.equal(response.status, 403)
    assert.include(response.text, 'Le formulaire a expiré')
    assert.lengthOf(await applications(), 0)
  })

  test('one open application at a time', async ({ assert }) => {
    const { agent } = await placedResident()
    assert.equal((await apply(agent)).status, 302)
    const again = await agent.submit(APPLY, APPLICATION, { from: DASHBOARD })
    assert.equal(again.status, 409)
    assert.include(again.text, 'Vous avez déjà une candidature en cours d&#x27;examen.')
    assert.lengthOf(await applications(), 1)
  })

  test('two submits at once make one application', async ({ assert }) => {
    const { agent } = await placedResident()
    await agent.get(DASHBOARD)
    const responses = await Promise.all([
      agent.submit(APPLY, APPLICATION),
      agent.submit(APPLY, APPLICATION),
    ])
    assert.sameMembers(
      responses.map((response) => response.status),
      [302, 409]
    )
    assert.lengthOf(await applications(), 1)
  })

  test('a refused resident reads the note and may apply again after 30 days', async ({
    assert,
  }) => {
    const { user, agent } = await placedResident({ email: 'karim@example.org' })
    const operator = await signedInOperator()
    await apply(agent)
    const [application] = await applications()

    const tooLong = await decide(operator.agent, application.id, 'reject', {
      decision_note: 'x'.repeat(1001),
    })
    assert.equal(tooLong.status, 422)
    assert.include(tooLong.text, 'La note doit faire au plus 1000 caractères.')
    assert.equal((await applications())[0].status, 'pending')

    const note = 'Merci ! Le quartier a déjà deux super voisins très actifs.'
    const rejected = await decide(operator.agent, application.id, 'reject', {
      decision_note: note,
    })
    assert.equal(rejected.status, 302)
    const row = (await applications())[0]
    assert.equal(row.status, 'rejected')
    assert.equal(row.decision_note, note)
    assert.equal(Number(row.decided_by_id), operator.user.id)
    assert.lengthOf(await superVoisinRoles(), 0)

    const mail = await mailbox.waitFor('karim@example.org')
    assert.equal(mail.subject, 'Votre candidature de super voisin')
    assert.include(mail.text, "n'a pas été retenue")
    assert.include(mail.text, `Le mot de l'équipe : « ${note} »`)
    assert.include(mail.text, 'Vous pourrez candidater de nouveau à partir du')

    const page = await agent.get(DASHBOARD)
    assert.include(page.text, 'Candidature non retenue')
    assert.include(page.text, 'Le quartier a déjà deux super voisins très actifs.')
    assert.include(page.text, 'Vous pourrez candidater de nouveau à partir du')
    assert.notInclude(page.text, 'name="motivation"')
    const tooSoon = await agent.submit(APPLY, APPLICATION, { from: DASHBOARD })
    assert.equal(tooSoon.status, 409)
    assert.include(tooSoon.text, 'vous pourrez candidater de nouveau à partir du')
    assert.lengthOf(await applications(), 1)

    /** 30 days later. */
    await db
      .from('ambassador_applications')
      .where('user_id', user.id)
      .update({ decided_at: new Date(Date.now() - 30 * 86_400_000 - 60_000) })
    const later = await agent.get(DASHBOARD)
    assert.include(later.text, 'Vous pouvez candidater de nouveau ci-dessous.')
    assert.include(later.text, 'name="motivation"')
    assert.equal((await apply(agent)).status, 302)
    assert.deepEqual(
      (await applications()).map((item) => item.status),
      ['rejected', 'pending']
    )
  })

  test('the decision mail is in the resident’s language', async ({ assert }) => {
    const { agent } = await placedResident({ email: 'tom@example.org', locale: 'en' })
    const operator = await signedInOperator()
    await apply(agent)
    const [application] = await applications()
    await decide(operator.agent, application.id, 'approve')
    const mail = await mailbox.waitFor('tom@example.org')
    assert.equal(mail.subject, 'You are a super voisin of Saint-Victor')
    assert.include(mail.text, 'Open my super voisin page')
    assert.include((await agent.get(DASHBOARD)).text, 'You are a super voisin')
  })

  test('deciding twice is a no-op; a decision cannot be reversed', async ({ assert }) => {
    const { agent } = await placedResident({ email: 'sophie@example.org' })
    const operator = await signedInOperator()
    await apply(agent)
    const [application] = await applications()

    assert.equal((await decide(operator.agent, application.id, 'approve')).status, 302)
    const twice = await decide(operator.agent, application.id, 'approve')
    assert.equal(twice.status, 302)
    assert.include(
      (await operator.agent.get(REVIEW)).text,
      'Cette candidature était déjà acceptée : rien n&#x27;a changé.'
    )
    assert.lengthOf(await superVoisinRoles(), 1)
    assert.lengthOf(mailbox.to('sophie@example.org'), 1)

    const reverse = await decide(operator.agent, application.id, 'reject')
    assert.equal(reverse.status, 409)
    assert.include(reverse.text, `La candidature n° ${application.id} est déjà acceptée`)
    assert.equal((await applications())[0].status, 'approved')
    assert.lengthOf(await superVoisinRoles(), 1)

    /** A super voisin does not apply again. */
    const again = await agent.submit(APPLY, APPLICATION, { from: DASHBOARD })
    assert.equal(again.status, 409)
    assert.include(again.text, 'Vous êtes déjà super voisin de votre quartier.')
    assert.lengthOf(await applications(), 1)

    /** Unknown applications: 404, even beyond what a bigint holds. */
    for (const id of ['999999', '99999999999999999999999']) {
      assert.equal((await decide(operator.agent, id, 'approve')).status, 404)
    }
  })

  test('an applicant who moved away is not approved for their old neighbourhood', async ({
    assert,
  }) => {
    const { user, agent } = await placedResident()
    const operator = await signedInOperator()
    await apply(agent)
    const [application] = await applications()
    await placeResident(user.id, {
      ...CLIGNANCOURT,
      addressLabel: '4 rue Custine, 75018 Paris',
      placement: 'map_pin',
    })
    const queue = await operator.agent.get(REVIEW)
    assert.include(queue.text, 'Cette personne n&#x27;habite plus ce quartier')

    const response = await decide(operator.agent, application.id, 'approve')
    assert.equal(response.status, 409)
    assert.include(response.text, 'n&#x27;habite plus le quartier pour lequel elle a candidaté')
    assert.equal((await applications())[0].status, 'pending')
    assert.lengthOf(await superVoisinRoles(), 0)
    assert.equal((await decide(operator.agent, application.id, 'reject')).status, 302)
  })

  test('an operator does not decide on their own application', async ({ assert }) => {
    const operator = await signedInOperator()
    await placeResident(operator.user.id, {
      ...SAINT_VICTOR,
      addressLabel: '1 rue Linné, 75005 Paris',
      placement: 'map_pin',
    })
    assert.equal((await apply(operator.agent)).status, 302)
    const [application] = await applications()
    const response = await decide(operator.agent, application.id, 'approve')
    assert.equal(response.status, 403)
    assert.include(response.text, 'Une autre personne de l&#x27;équipe doit examiner')
    assert.equal((await applications())[0].status, 'pending')

    const colleague = await signedInOperator('collegue@example.org')
    assert.equal((await decide(colleague.agent, application.id, 'approve')).status, 302)
    assert.lengthOf(await superVoisinRoles(), 1)
  })

  test('a resident cannot decide on applications', async ({ assert }) => {
    const applicant = await placedResident()
    const neighbour = await placedResident()
    await apply(applicant.agent)
    const [application] = await applications()
    await neighbour.agent.get(DASHBOARD)
    const response = await neighbour.agent.submit(
      `${REVIEW}/${application.id}/approve`,
      {},
      { from: DASHBOARD }
    )
    assert.equal(response.status, 403)
    assert.equal((await applications())[0].status, 'pending')
    assert.lengthOf(await superVoisinRoles(), 0)
    assert.lengthOf(mailbox.messages, 0)
  })
})
