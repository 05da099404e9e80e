import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import { verifiedResident } from '#tests/helpers/community'
import {
  SAINT_VICTOR,
  account,
  createOrganisation,
  errorsIn,
  markVerified,
  post,
  shopFields,
  textOf,
  type Fields,
} from '#tests/functional/organisations/support'
import type { Agent } from '#tests/helpers/agent'

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

function profile(overrides: Fields = {}): Fields {
  return {
    'name': 'Boulangerie Linné',
    'description': 'Pain au levain et viennoiseries.',
    'address_label': '12 rue Linné, 75005 Paris',
    'latitude': String(SAINT_VICTOR.latitude),
    'longitude': String(SAINT_VICTOR.longitude),
    'radius_m': '3000',
    'categories[0]': 'bakery',
    'phone': '01 23 45 67 89',
    'email': 'bonjour@boulangerie.example',
    'website': 'https://boulangerie.example',
    'hours_1': '00:00-24:00',
    'hours_2': '00:00-24:00',
    'hours_3': '00:00-24:00',
    'hours_4': '00:00-24:00',
    'hours_5': '00:00-24:00',
    'hours_6': '00:00-24:00',
    'hours_7': '00:00-24:00',
    ...overrides,
  }
}

function offer(agent: Agent, shopId: number, fields: Fields = {}) {
  return post(
    agent,
    `/organisations/${shopId}/offers`,
    {
      title: 'Croissants à 1 €',
      text: 'Tout le week-end, au levain.',
      valid_until: today(),
      ...fields,
    },
    `/organisations/${shopId}/offers/new`
  )
}

/** A point inside a Paris quartier, and how far its boundary lies from the shop. */
async function quartier(name: string, shopId: number) {
  const { rows } = await db.rawQuery(
    `SELECT n.id, ST_X(ST_PointOnSurface(n.boundary)) AS lon, ST_Y(ST_PointOnSurface(n.boundary)) AS lat,
            ST_Distance(o.point, n.boundary::geography) AS metres
       FROM neighbourhoods n, organisations o WHERE n.name = ? AND o.id = ?`,
    [name, shopId]
  )
  return {
    id: Number(rows[0].id),
    at: { longitude: Number(rows[0].lon), latitude: Number(rows[0].lat) },
    metres: Number(rows[0].metres),
  }
}

async function verifiedShop() {
  const marie = await account('Marie')
  const shopId = await createOrganisation(marie.agent)
  await markVerified(shopId)
  const saved = await post(
    marie.agent,
    `/organisations/${shopId}`,
    profile(),
    `/organisations/${shopId}/edit`
  )
  if (saved.status !== 302) throw new Error(`profile refused: ${errorsIn(saved.text).join(' | ')}`)
  return { marie, shopId }
}

test.group('Organisations: storefront and shop offers', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('storefront: hours with "open now", closures, contact, map; residents of the town only', async ({
    assert,
  }) => {
    const { marie, shopId } = await verifiedShop()
    const row = await db.from('organisations').where('id', shopId).firstOrFail()
    assert.equal(row.radius_m, 3000)
    assert.deepEqual(row.categories, ['bakery'])
    assert.deepEqual(row.opening_hours['1'], [['00:00', '24:00']])

    const lea = await verifiedResident('lea.org@example.org')
    const page = await lea.agent.get(`/organisations/${shopId}`)
    assert.equal(page.status, 200)
    const text = textOf(page)
    assert.include(text, 'Ouvert en ce moment')
    assert.include(text, 'Boulangerie')
    assert.include(page.text, 'data-map="view"')
    assert.include(text, '01 23 45 67 89')

    /** A closure today: closed now. */
    const closed = await post(
      marie.agent,
      `/organisations/${shopId}`,
      profile({ closure_from_1: today(), closure_until_1: today() }),
      `/organisations/${shopId}/edit`
    )
    assert.equal(closed.status, 302)
    assert.include(textOf(await lea.agent.get(`/organisations/${shopId}`)), 'Fermé en ce moment')

    /** Someone with no home in Paris: 404. */
    const stranger = await account('Stranger')
    assert.equal((await stranger.agent.get(`/organisations/${shopId}`)).status, 404)
  })

  test('bad input on the storefront form, in French and English', async ({ assert }) => {
    const { marie, shopId } = await verifiedShop()
    const edit = `/organisations/${shopId}/edit`
    const bad = await post(
      marie.agent,
      `/organisations/${shopId}`,
      profile({
        hours_1: '9h-12h',
        hours_2: '14:00-12:00',
        radius_m: '5000',
        website: 'javascript:alert(1)',
        phone: 'call me',
        closure_from_1: '2026-08-10',
        closure_until_1: '',
      }),
      edit
    )
    assert.equal(bad.status, 422)
    const messages = errorsIn(bad.text)
    assert.include(
      messages,
      'Écrivez des plages comme « 09:00-12:30, 14:00-19:00 », sans chevauchement.'
    )
    assert.include(messages, 'Donnez une adresse web complète, commençant par https://')
    assert.include(messages, 'Donnez aussi la date de fin de la fermeture.')
    assert.isTrue(messages.some((message) => message.includes('3000')))
    const backwards = await post(
      marie.agent,
      `/organisations/${shopId}`,
      profile({ closure_from_1: '2026-08-10', closure_until_1: '2026-08-01' }),
      edit
    )
    assert.equal(backwards.status, 422)
    assert.include(errorsIn(backwards.text), 'La fin de la fermeture est avant son début.')
    /** Moving the shop to another town is refused. */
    const away = await post(
      marie.agent,
      `/organisations/${shopId}`,
      profile({ latitude: '48.1113', longitude: '-1.68' }),
      edit
    )
    assert.equal(away.status, 422)

    const tom = await account('Tom', 'en')
    const tomShop = await createOrganisation(tom.agent, shopFields({ name: 'Corner Shop' }))
    await markVerified(tomShop)
    const english = await post(
      tom.agent,
      `/organisations/${tomShop}`,
      profile({ hours_3: 'all day' }),
      `/organisations/${tomShop}/edit`
    )
    assert.include(
      errorsIn(english.text),
      'Write ranges like “09:00-12:30, 14:00-19:00”, without overlaps.'
    )
    const offerEn = await offer(tom.agent, tomShop, { title: '', valid_until: 'tomorrow' })
    assert.equal(offerEn.status, 422)
    assert.include(errorsIn(offerEn.text), 'Give a date like 2026-05-14.')
  })

  test('an offer reaches a neighbourhood 2 km away and not one 5 km away', async ({ assert }) => {
    const { marie, shopId } = await verifiedShop()
    const near = await quartier('Parc-de-Montsouris', shopId)
    const far = await quartier('Ternes', shopId)
    assert.isAbove(near.metres, 1500)
    assert.isBelow(near.metres, 2500)
    assert.isAbove(far.metres, 4500)
    assert.isBelow(far.metres, 5500)

    assert.equal((await offer(marie.agent, shopId)).status, 302)
    const nearResident = await verifiedResident('near.org@example.org', { at: near.at })
    const farResident = await verifiedResident('far.org@example.org', { at: far.at })
    assert.equal(nearResident.neighbourhoodId, near.id)
    assert.equal(farResident.neighbourhoodId, far.id)

    const nearFeed = await nearResident.agent.get('/feed')
    assert.include(textOf(nearFeed), 'Croissants à 1 €')
    assert.include(textOf(nearFeed), 'Boulangerie Linné')
    assert.notInclude(textOf(await farResident.agent.get('/feed')), 'Croissants à 1 €')
    /** The kind filter knows shop offers. */
    assert.include(
      textOf(await nearResident.agent.get('/feed?kind=shop_offer')),
      'Croissants à 1 €'
    )
    assert.notInclude(textOf(await nearResident.agent.get('/feed?kind=loan')), 'Croissants à 1 €')
  })

  test('at most 4 offers per Paris calendar month, then a clear refusal', async ({ assert }) => {
    const { marie, shopId } = await verifiedShop()
    /** One from last month does not count. */
    await db.table('shop_offers').insert({
      organisation_id: shopId,
      title: 'Ancienne offre',
      text: 'Le mois dernier.',
      valid_until: today(),
      published_at: new Date(Date.now() - 40 * 86_400_000),
      created_at: new Date(),
    })
    for (let i = 1; i <= 4; i++) {
      assert.equal((await offer(marie.agent, shopId, { title: `Offre numéro ${i}` })).status, 302)
    }
    const fifth = await offer(marie.agent, shopId, { title: 'Offre numéro 5' })
    assert.equal(fifth.status, 409)
    assert.match(
      errorsIn(fifth.text).join(' '),
      /Vous avez déjà publié 4 offres ce mois-ci\. Prochaine offre possible le 1(er)? \S+ \d{4}\./
    )
    assert.equal(
      await db
        .from('shop_offers')
        .where('organisation_id', shopId)
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      5
    )
  })

  test('residents recommend a shop once (a toggle) and see how many neighbours do', async ({
    assert,
  }) => {
    const { marie, shopId } = await verifiedShop()
    const lea = await verifiedResident('lea.rec@example.org')
    const hugo = await verifiedResident('hugo.rec@example.org')
    const page = `/organisations/${shopId}`
    assert.equal((await post(lea.agent, `${page}/recommend`, {}, page)).status, 302)
    assert.equal((await post(hugo.agent, `${page}/recommend`, {}, page)).status, 302)
    assert.include(textOf(await lea.agent.get(page)), '2 voisins recommandent ce commerce.')
    assert.equal((await post(lea.agent, `${page}/recommend`, {}, page)).status, 302)
    assert.include(textOf(await lea.agent.get(page)), '1 voisin recommande ce commerce.')
    /** Its own members cannot. */
    assert.equal((await post(marie.agent, `${page}/recommend`, {}, page)).status, 403)
  })

  test('an editor of one organisation gets 404/403 on every route of another', async ({
    assert,
  }) => {
    const { marie, shopId: otherShop } = await verifiedShop()
    const photo = await db
      .table('organisation_photos')
      .insert({
        organisation_id: otherShop,
        storage_key: 'organisation-photos/x.jpg',
        content_type: 'image/jpeg',
        created_at: new Date(),
      })
      .returning('id')
    const offerRow = await offer(marie.agent, otherShop)
    assert.equal(offerRow.status, 302)
    const offerId = Number((await db.from('shop_offers').firstOrFail()).id)
    const hallId = await createOrganisation(
      marie.agent,
      shopFields({ kind: 'town_hall', name: 'Mairie', siret: '' })
    )
    await markVerified(hallId)
    const noticeAnswer = await post(
      marie.agent,
      `/organisations/${hallId}/notices`,
      { title: 'Travaux rue Linné', text: 'La rue est fermée lundi.', audience: 'town' },
      `/organisations/${hallId}/notices/new`
    )
    assert.equal(noticeAnswer.status, 302)
    const noticeId = Number((await db.from('notices').firstOrFail()).id)

    /** Paul edits his own shop, and has no home: nothing of Marie's is his. */
    const paul = await account('Paul')
    const ownShop = await createOrganisation(paul.agent, shopFields({ name: 'Épicerie Paul' }))

    const routes = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.pattern.startsWith('/organisations/:id'))
    assert.isAtLeast(routes.length, 20)
    const before = await db.from('organisation_members').count('* as n').first()
    for (const route of routes) {
      for (const organisationId of [otherShop, hallId]) {
        const path = route.pattern
          .replace(':id', String(organisationId))
          .replace(':photoId', String(photo[0].id ?? photo[0]))
          .replace(':offerId', String(offerId))
          .replace(':noticeId', String(noticeId))
          .replace(':userId', String(marie.id))
        const method = route.methods.includes('POST') ? 'POST' : 'GET'
        const answer =
          method === 'GET'
            ? await paul.agent.get(path)
            : await paul.agent.submit(
                path,
                {
                  email: paul.email,
                  role: 'owner',
                  title: 'x',
                  text: 'y',
                  code: 'ABCD-EFGH',
                  reply_text: 'Bonjour',
                },
                { from: `/organisations/${ownShop}/manage` }
              )
        assert.oneOf(answer.status, [403, 404], `${method} ${path} answered ${answer.status}`)
      }
    }
    const after = await db.from('organisation_members').count('* as n').first()
    assert.equal(Number(after.n), Number(before.n))
    assert.equal(
      await db
        .from('notice_replies')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
    assert.equal(
      await db
        .from('organisation_recommendations')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
  })
})
