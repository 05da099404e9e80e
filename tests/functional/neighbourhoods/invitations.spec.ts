import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { CookieClient } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import {
  INVITATION_SESSION_KEY,
  invitationStats,
  placeResident,
  recordInvitationJoin,
} from '#modules/neighbourhoods/index'
import {
  formatCode,
  generateCode,
  normaliseCode,
} from '#modules/neighbourhoods/services/invitations/codes'
import { Agent, linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const INVITE = '/neighbourhood/invite'
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
const HOME_ADDRESS = '12 rue des Écoles, 75005 Paris'
const CODE_PATH = /^\/join\/[2-9A-HJ-NP-Z]{10}$/

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
    addressLabel: HOME_ADDRESS,
    placement: 'geocoder',
  })
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, user.email)
  return { user, agent }
}

async function invitationRows(inviterId?: number) {
  const query = db.from('invitations').orderBy('id')
  if (inviterId) query.where('inviter_id', inviterId)
  return query
}

/** The agent's session values, read from its encrypted session cookies. */
async function sessionOf(agent: Agent): Promise<Record<string, unknown>> {
  type Encryption = ConstructorParameters<typeof CookieClient>[0]
  const client = new CookieClient((await app.container.make('encryption')) as unknown as Encryption)
  const idCookie = agent.cookies.get('quartier-session')
  if (!idCookie) return {}
  const sessionId = client.parse('quartier-session', decodeURIComponent(idCookie))
  const data = sessionId ? agent.cookies.get(sessionId) : undefined
  if (!data) return {}
  return client.parse(sessionId, decodeURIComponent(data)) ?? {}
}

/** Sends an e-mail invitation and returns the join path from the mail received. */
async function inviteByEmail(agent: Agent, recipient: string, fields: Record<string, string> = {}) {
  const response = await agent.submit(
    `${INVITE}/email`,
    { recipient_email: recipient, audience: 'neighbour', ...fields },
    { from: INVITE }
  )
  if (response.status !== 302) throw new Error(`invitation refused (${response.status})`)
  const mail = await mailbox.waitFor(recipient)
  return { mail, path: linkIn(mail.text, '/join/') }
}

/** A letter code, through the printable page. */
async function letterCode(agent: Agent, audience = 'neighbour') {
  const page = await agent.get(`${INVITE}/letter?for=${audience}`)
  const match = page.text.match(/([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2})/)
  if (page.status !== 200 || !match) throw new Error(`no letter code (${page.status})`)
  return { page, code: match[1].replaceAll('-', '') }
}

test.group('Invitations by e-mail', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('is only for signed-in residents', async ({ assert }) => {
    for (const path of [INVITE, `${INVITE}/letter`]) {
      const response = await new Agent().get(path)
      assert.equal(response.status, 302)
      assert.equal(response.location, '/login')
    }
  })

  test('mails a join link that leads to the inviting neighbourhood', async ({ assert }) => {
    const { user, agent } = await placedResident({ displayName: 'Camille Martin' })
    const page = await agent.get(INVITE)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Inviter mes voisins')
    assert.include(page.text, 'Saint-Victor')

    const response = await agent.submit(
      `${INVITE}/email`,
      {
        recipient_email: 'Jeanne@Example.org',
        audience: 'neighbour',
        personal_message: 'On se croise souvent au marché, rejoins-nous !',
      },
      { from: INVITE }
    )
    assert.equal(response.status, 302)
    assert.equal(response.location, INVITE)

    const mail = await mailbox.waitFor('jeanne@example.org')
    assert.equal(
      mail.subject,
      'Camille Martin vous invite à rejoindre le quartier Saint-Victor sur Quartier'
    )
    assert.include(mail.text, 'On se croise souvent au marché, rejoins-nous !')
    assert.notInclude(mail.text, 'rue des Écoles')
    assert.notInclude(mail.html, 'rue des Écoles')
    assert.notInclude(mail.text, user.email)
    const path = linkIn(mail.text, '/join/')
    assert.match(path, CODE_PATH)
    assert.include(mail.html, `${path}"`)

    const [row] = await invitationRows(user.id)
    assert.equal(row.channel, 'email')
    assert.equal(row.audience, 'neighbour')
    assert.equal(row.recipient, 'jeanne@example.org')
    assert.equal(row.code, path.slice('/join/'.length))
    assert.isNotNull(row.sent_at)
    const days = (new Date(row.expires_at).getTime() - Date.now()) / 86_400_000
    assert.closeTo(days, 30, 0.1)

    /** The newcomer follows the link. */
    const newcomer = new Agent()
    const join = await newcomer.get(path)
    assert.equal(join.status, 200)
    assert.include(join.text, 'Camille Martin vous invite à rejoindre le quartier Saint-Victor')
    assert.include(join.text, 'href="/signup"')
    assert.include(join.text, 'href="/login"')
    assert.notInclude(join.text, 'rue des Écoles')
    assert.notInclude(join.text, 'jeanne@example.org')
    assert.equal(join.headers.get('x-robots-tag'), 'noindex, nofollow')
    assert.equal((await sessionOf(newcomer))[INVITATION_SESSION_KEY], row.code)

    /** The inviter sees it, pending, with a confirmation. */
    const list = await agent.get(INVITE)
    assert.include(list.text, 'Invitation envoyée à jeanne@example.org.')
    assert.include(list.text, 'jeanne@example.org')
    assert.include(list.text, 'En attente')
  })

  test('writes the mail in the inviter’s language, for an association or the town hall', async ({
    assert,
  }) => {
    const { agent } = await placedResident({ displayName: 'Tom Baker', locale: 'en' })
    await inviteByEmail(agent, 'asso@example.org', { audience: 'association' })
    const mail = await mailbox.waitFor('asso@example.org')
    assert.equal(mail.subject, 'Tom Baker invites you to join Saint-Victor on Quartier')
    assert.include(mail.text, 'Dear Sir or Madam,')
    assert.include(mail.text, 'invites your association')

    await inviteByEmail(agent, 'mairie@example.org', { audience: 'town_hall' })
    const townHall = await mailbox.waitFor('mairie@example.org')
    assert.include(townHall.text, 'Dear Mayor,')
    assert.include(townHall.text, 'invites the town hall of Paris')
    assert.lengthOf(await invitationRows(), 2)
  })

  test('refuses {name} with a translated message and writes nothing')
    .with([
      {
        name: 'an empty e-mail',
        fields: { recipient_email: '', audience: 'neighbour' },
        message: 'Indiquez l&#x27;adresse e-mail de la personne à inviter.',
      },
      {
        name: 'a malformed e-mail',
        fields: { recipient_email: 'jeanne@@example', audience: 'neighbour' },
        message: 'Indiquez une adresse e-mail valide',
      },
      {
        name: 'a message too long',
        fields: {
          recipient_email: 'jeanne@example.org',
          audience: 'neighbour',
          personal_message: 'x'.repeat(501),
        },
        message: 'Votre petit mot doit faire au plus 500 caractères.',
      },
      {
        name: 'an unknown audience',
        fields: { recipient_email: 'jeanne@example.org', audience: 'préfecture' },
        message: 'Choisissez qui vous invitez : un voisin, une association ou la mairie.',
      },
    ])
    .run(async ({ assert }, row) => {
      const { agent } = await placedResident()
      const response = await agent.submit(`${INVITE}/email`, row.fields, { from: INVITE })
      assert.equal(response.status, 422)
      assert.include(response.text, row.message)
      assert.include(response.text, 'error-summary')
      assert.lengthOf(await invitationRows(), 0)
      assert.lengthOf(mailbox.messages, 0)
    })

  test('answers in English to an English resident', async ({ assert }) => {
    const { agent } = await placedResident({ locale: 'en' })
    const response = await agent.submit(
      `${INVITE}/email`,
      { recipient_email: '', audience: 'neighbour' },
      { from: INVITE }
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'Enter the e-mail address of the person you invite.')
  })

  test('refuses a form without its CSRF token', async ({ assert }) => {
    const { agent } = await placedResident()
    await agent.get(INVITE)
    const response = await agent.submit(
      `${INVITE}/email`,
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { csrf: false }
    )
    assert.equal(response.status, 403)
    assert.include(response.text, 'Le formulaire a expiré')
    assert.lengthOf(await invitationRows(), 0)
    assert.lengthOf(mailbox.messages, 0)
  })

  test('does not invite the same person twice while the invitation is valid', async ({
    assert,
  }) => {
    const { agent } = await placedResident()
    await inviteByEmail(agent, 'jeanne@example.org')
    const again = await agent.submit(
      `${INVITE}/email`,
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { from: INVITE }
    )
    assert.equal(again.status, 422)
    assert.include(again.text, 'Vous avez déjà invité cette personne')
    assert.lengthOf(await invitationRows(), 1)
    assert.lengthOf(mailbox.to('jeanne@example.org'), 1)
  })

  test('sends at most 30 e-mail invitations per resident in 24 hours', async ({ assert }) => {
    const { user, agent } = await placedResident()
    const neighbourhoodId = (await db.from('residents').where('user_id', user.id).first())
      .neighbourhood_id
    const now = new Date()
    await db.table('invitations').multiInsert(
      Array.from({ length: 30 }, (_, i) => ({
        neighbourhood_id: neighbourhoodId,
        inviter_id: user.id,
        channel: 'email',
        audience: 'neighbour',
        recipient: `voisin${i}@example.org`,
        code: `ABCDEFGH${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i]}2`,
        expires_at: new Date(now.getTime() + 30 * 86_400_000),
        sent_at: now,
        created_at: new Date(now.getTime() - 23 * 3_600_000),
      }))
    )
    const refused = await agent.submit(
      `${INVITE}/email`,
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { from: INVITE }
    )
    assert.equal(refused.status, 429)
    assert.include(refused.text, 'Vous avez déjà envoyé 30 invitations par e-mail')
    assert.lengthOf(mailbox.messages, 0)

    /** A rolling window: once they are more than 24 hours old, one more goes. */
    await db
      .from('invitations')
      .where('inviter_id', user.id)
      .update({ created_at: new Date(now.getTime() - 25 * 3_600_000) })
    await inviteByEmail(agent, 'jeanne@example.org')
    assert.lengthOf(await invitationRows(), 31)
  })

  test('a resident without a home is told what to do, and nothing is sent', async ({ assert }) => {
    const user = await createResident()
    const agent = new Agent()
    await signIn(agent, user.email)

    const page = await agent.get(INVITE)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Indiquez d&#x27;abord où vous habitez')
    assert.notInclude(page.text, 'name="recipient_email"')

    const response = await agent.submit(
      `${INVITE}/email`,
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { from: INVITE }
    )
    assert.equal(response.status, 403)
    assert.include(response.text, 'Pour inviter, indiquez d&#x27;abord où vous habitez')

    const letter = await agent.get(`${INVITE}/letter`)
    assert.equal(letter.status, 302)
    assert.equal(letter.location, INVITE)
    assert.lengthOf(await invitationRows(), 0)
    assert.lengthOf(mailbox.messages, 0)
  })

  test('a resident only sees their own invitations', async ({ assert }) => {
    const a = await placedResident({ email: 'a@example.org' })
    const b = await placedResident({ email: 'b@example.org', at: CLIGNANCOURT })
    await inviteByEmail(b.agent, 'ami-de-b@example.org')
    await letterCode(b.agent)

    const pageOfA = await a.agent.get(INVITE)
    assert.include(pageOfA.text, 'Vous n&#x27;avez encore envoyé aucune invitation.')
    assert.notInclude(pageOfA.text, 'ami-de-b@example.org')

    const pageOfB = await b.agent.get(INVITE)
    assert.include(pageOfB.text, 'ami-de-b@example.org')
    assert.include(pageOfB.text, 'Clignancourt')

    /** A neighbourhood id in the form is ignored: invitations go to the inviter's own. */
    await a.agent.submit(
      `${INVITE}/email`,
      { recipient_email: 'x@example.org', audience: 'neighbour', neighbourhood_id: '1' },
      { from: INVITE }
    )
    const [rowOfA] = await invitationRows(a.user.id)
    const homeOfA = await db.from('residents').where('user_id', a.user.id).first()
    assert.equal(Number(rowOfA.neighbourhood_id), Number(homeOfA.neighbourhood_id))
  })
})

test.group('Joining through an invitation', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('records who joined through a personal code, once', async ({ assert }) => {
    const { user: inviter, agent } = await placedResident()
    const { path } = await inviteByEmail(agent, 'jeanne@example.org')
    const code = path.slice('/join/'.length)
    const jeanne = await createResident({ email: 'jeanne@example.org' })
    const intruder = await createResident({ email: 'intrus@example.org' })
    const home = await db.from('residents').where('user_id', inviter.id).first()

    const joined = await recordInvitationJoin(code, jeanne.id)
    assert.deepEqual(joined, { neighbourhoodId: Number(home.neighbourhood_id) })
    /** Idempotent for the same person, as typed on paper too. */
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase()
    assert.deepEqual(await recordInvitationJoin(typed, jeanne.id), joined)

    /** A personal code does not work for someone else. */
    assert.isNull(await recordInvitationJoin(code, intruder.id))
    const joins = await db.from('invitation_joins')
    assert.lengthOf(joins, 1)
    assert.equal(Number(joins[0].user_id), jeanne.id)

    const used = await new Agent().get(path)
    assert.equal(used.status, 410)
    assert.include(used.text, 'Invitation déjà utilisée')

    const list = await agent.get(INVITE)
    assert.include(list.text, 'Rejointe par 1 personne')
    assert.deepEqual(await invitationStats(inviter.id), {
      sent: 1,
      joined: 1,
      joinedAndVerified: 0,
    })
  })

  test('a letter code lets several neighbours join until it expires', async ({ assert }) => {
    const { user: inviter, agent } = await placedResident()
    const { code } = await letterCode(agent)
    const first = await placedResident({ email: 'un@example.org', at: CLIGNANCOURT })
    const second = await createResident({ email: 'deux@example.org' })

    assert.isNotNull(await recordInvitationJoin(code, first.user.id))
    assert.isNotNull(await recordInvitationJoin(code, second.id))
    assert.equal((await new Agent().get(`/join/${code}`)).status, 200)
    await db.from('residents').where('user_id', first.user.id).update({ verified_at: new Date() })
    assert.deepEqual(await invitationStats(inviter.id), {
      sent: 1,
      joined: 2,
      joinedAndVerified: 1,
    })
    assert.include((await agent.get(INVITE)).text, 'Rejointe par 2 personnes')

    /** Nobody joins through their own invitation. */
    assert.isNull(await recordInvitationJoin(code, inviter.id))
  })

  test('an expired code is refused: 410 page and no join', async ({ assert }) => {
    const { agent } = await placedResident()
    const { path } = await inviteByEmail(agent, 'jeanne@example.org')
    const { code: letter } = await letterCode(agent)
    await db.from('invitations').update({ expires_at: new Date(Date.now() - 1000) })
    const jeanne = await createResident({ email: 'jeanne@example.org' })

    for (const target of [path, `/join/${letter}`]) {
      const page = await new Agent().get(target)
      assert.equal(page.status, 410)
      assert.include(page.text, 'Invitation expirée')
      assert.include(page.text, 'Cette invitation n&#x27;est plus valable.')
    }
    assert.isNull(await recordInvitationJoin(path.slice('/join/'.length), jeanne.id))
    assert.isNull(await recordInvitationJoin(letter, jeanne.id))
    assert.lengthOf(await db.from('invitation_joins'), 0)
    assert.include((await agent.get(INVITE)).text, 'Expirée')
  })

  test('codes are random, unambiguous on paper, and shown in groups', ({ assert }) => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateCode()))
    assert.equal(codes.size, 2000)
    for (const code of codes) assert.match(code, /^[2-9A-HJ-NP-Z]{10}$/)
    /** Every symbol of the alphabet turns up (no bias towards a few). */
    assert.equal(new Set([...codes].join('')).size, 32)
    assert.equal(formatCode('ABCDEFGHJK'), 'ABCD-EFGH-JK')
    assert.equal(normaliseCode(' abcd-efgh jk '), 'ABCDEFGHJK')
    assert.isNull(normaliseCode('ABCD-EFGH-J0'))
    assert.isNull(normaliseCode('ABCD-EFGH-JKL'))
  })

  test('an unknown or malformed code answers 404 with a translated message', async ({ assert }) => {
    for (const path of ['/join/ABCDEFGHJK', '/join/nimporte-quoi', '/join/0000000000']) {
      const page = await new Agent().get(path)
      assert.equal(page.status, 404)
      assert.include(page.text, 'Invitation introuvable')
    }
    const english = await new Agent('en').get('/join/ABCDEFGHJK')
    assert.equal(english.status, 404)
    assert.include(english.text, 'This invitation code does not exist.')
    assert.isNull(await recordInvitationJoin('ABCDEFGHJK', (await createResident()).id))
    assert.isNull(await recordInvitationJoin('', (await createResident()).id))
  })

  test('a code typed from paper leads to its page', async ({ assert }) => {
    const { agent } = await placedResident({ displayName: 'Karim Benali' })
    const { code } = await letterCode(agent)
    const newcomer = new Agent()
    assert.equal((await newcomer.get('/join')).status, 200)

    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4, 8)}-${code.slice(8)}`
    const response = await newcomer.get(`/join?invitation_code=${encodeURIComponent(typed)}`)
    assert.equal(response.status, 302)
    assert.equal(response.location, `/join/${code}`)
    const page = await newcomer.get(response.location!)
    assert.include(page.text, 'Karim Benali vous invite à rejoindre le quartier Saint-Victor')

    const wrong = await newcomer.get('/join?invitation_code=abc')
    assert.equal(wrong.status, 422)
    assert.include(wrong.text, 'Ce code n&#x27;a pas le bon format')
  })
})

test.group('Printable invitation letter', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('shows the code, the join link, a QR code and a print stylesheet', async ({ assert }) => {
    const { user, agent } = await placedResident({ displayName: 'Sophie Le Gall' })
    const { page, code } = await letterCode(agent)
    const grouped = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`

    assert.include(page.text, 'Vos voisins s&#x27;entraident sur Quartier')
    assert.include(page.text, 'Sophie Le Gall')
    assert.include(page.text, 'Saint-Victor')
    assert.include(page.text, `<p class="letter__code">${grouped}</p>`)
    assert.include(page.text, `/join/${code}`)
    assert.notInclude(page.text, 'rue des Écoles')
    assert.match(
      page.text,
      /<svg class="qr-code" role="img" aria-label="[^"]+" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/
    )
    /** Inline style block allowed by the CSP through its nonce. */
    const nonce = page.text.match(/<style nonce="([^"]+)">/)?.[1]
    assert.isString(nonce)
    assert.include(page.headers.get('content-security-policy') ?? '', `'nonce-${nonce}'`)
    assert.include(page.text, '@media print')
    assert.match(page.text, /\.site-header,[\s\S]*display: none !important/)
    assert.include(page.text, 'size: A4')

    const [row] = await invitationRows(user.id)
    assert.equal(row.channel, 'letter')
    assert.isNull(row.recipient)
    assert.equal(row.code, code)

    /** The same code on the next visit; another audience gets its own. */
    assert.equal((await letterCode(agent)).code, code)
    const townHall = await letterCode(agent, 'town_hall')
    assert.notEqual(townHall.code, code)
    assert.include(townHall.page.text, 'Madame la Maire, Monsieur le Maire,')
    assert.include(townHall.page.text, 'La mairie de Paris sur Quartier')
    assert.lengthOf(await invitationRows(), 2)
  })

  test('prints a new code when the current one ends soon; the old one still works', async ({
    assert,
  }) => {
    const { agent } = await placedResident()
    const { code: old } = await letterCode(agent)
    await db.from('invitations').update({ expires_at: new Date(Date.now() + 5 * 86_400_000) })
    const { code: fresh } = await letterCode(agent)
    assert.notEqual(fresh, old)
    assert.equal((await new Agent().get(`/join/${old}`)).status, 200)
  })

  test('an unknown letter version leads back to the neighbours’ flyer', async ({ assert }) => {
    const { agent } = await placedResident()
    const response = await agent.get(`${INVITE}/letter?for=prefecture`)
    assert.equal(response.status, 302)
    assert.equal(response.location, `${INVITE}/letter`)
    assert.lengthOf(await invitationRows(), 0)
  })
})

test.group('Invitations: a newcomer joins through a link', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('follows the mailed link, signs up, places their home: the join is recorded', async ({
    assert,
  }) => {
    const { user: inviter, agent: inviterAgent } = await placedResident({
      email: 'camille@example.org',
    })
    await inviterAgent.submit(
      `${INVITE}/email`,
      { recipient_email: 'jeanne@example.org', audience: 'neighbour' },
      { from: INVITE }
    )
    const link = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/join/')

    const newcomer = new Agent()
    assert.equal((await newcomer.get(link)).status, 200)
    await newcomer.submit(
      '/signup',
      {
        display_name: 'Jeanne D.',
        email: 'jeanne@example.org',
        password: 'un jardin partagé',
        home_address: HOME_ADDRESS,
        terms: '1',
      },
      { from: '/signup' }
    )
    await newcomer.submit(
      '/home/place',
      {
        address_label: HOME_ADDRESS,
        placement: 'map_pin',
        latitude: '48.84766',
        longitude: '2.35409',
      },
      { from: '/home/place' }
    )

    const joins = await db.from('invitation_joins')
    assert.lengthOf(joins, 1)
    const jeanne = await db.from('users').where('email', 'jeanne@example.org').firstOrFail()
    assert.equal(Number(joins[0].user_id), Number(jeanne.id))
    assert.deepEqual(await invitationStats(inviter.id), {
      sent: 1,
      joined: 1,
      joinedAndVerified: 0,
    })
    /** The code is not left in the session. */
    assert.notProperty(await sessionOf(newcomer), INVITATION_SESSION_KEY)
  })
})
