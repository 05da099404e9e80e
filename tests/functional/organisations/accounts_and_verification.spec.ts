import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import {
  BAD_SIRET,
  account,
  create,
  createOrganisation,
  errorsIn,
  markVerified,
  operator,
  post,
  shopFields,
  textOf,
} from '#tests/functional/organisations/support'

test.group('Organisations: accounts and verification', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('a shop needs a real SIRET: wrong length and checksum are refused, in French and English', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const short = await create(marie.agent, shopFields({ siret: '1234' }))
    assert.equal(short.status, 422)
    assert.include(errorsIn(short.text), 'Un numéro SIRET a 14 chiffres.')
    const wrong = await create(marie.agent, shopFields({ siret: BAD_SIRET }))
    assert.equal(wrong.status, 422)
    assert.include(errorsIn(wrong.text), 'Ce numéro SIRET n’existe pas : vérifiez chaque chiffre.')
    const missing = await create(marie.agent, shopFields({ siret: '' }))
    assert.include(errorsIn(missing.text), 'Un commerce doit donner son numéro SIRET.')

    const tom = await account('Tom', 'en')
    const english = await create(tom.agent, shopFields({ siret: BAD_SIRET }))
    assert.include(errorsIn(english.text), 'This SIRET number does not exist: check each digit.')
    /** La Poste's exception: digit sum a multiple of 5, not Luhn. */
    const laPoste = await createOrganisation(tom.agent, shopFields({ siret: '35600000000001' }))
    assert.isAbove(laPoste, 0)
    const laPosteBad = await create(tom.agent, shopFields({ siret: '35600000000014' }))
    assert.equal(laPosteBad.status, 422)
    assert.equal(
      await db
        .from('organisations')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      1
    )
  })

  test('other bad input: unknown kind, no name, RNA format, a point outside every town', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const kind = await create(marie.agent, shopFields({ kind: 'bank' }))
    assert.equal(kind.status, 422)
    assert.include(errorsIn(kind.text), 'Choisissez un type d’organisation proposé.')
    const rna = await create(marie.agent, shopFields({ kind: 'association', rna: 'X123' }))
    assert.include(
      errorsIn(rna.text),
      'Un numéro RNA s’écrit W suivi de 9 chiffres, par exemple W751234567.'
    )
    const noName = await create(marie.agent, shopFields({ name: '' }))
    assert.equal(noName.status, 422)
    const sea = await create(marie.agent, shopFields({ latitude: '47.0', longitude: '-5.0' }))
    assert.equal(sea.status, 422)
    assert.include(errorsIn(sea.text), 'Ce point n’est dans aucune commune connue de Quartier.')
    assert.equal(
      await db
        .from('organisations')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
  })

  test('shop by postcard: operator prints the code once, a wrong code costs a try, the right one verifies', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const shopId = await createOrganisation(marie.agent)
    const manage = `/organisations/${shopId}/manage`
    /** Not printed yet: no code can be typed. */
    assert.equal(
      (await post(marie.agent, `/organisations/${shopId}/verification/postcard`, {}, manage))
        .status,
      302
    )
    const again = await post(
      marie.agent,
      `/organisations/${shopId}/verification/postcard`,
      {},
      manage
    )
    assert.equal(again.status, 409)

    const ops = await operator()
    const queue = await ops.agent.get('/operators/organisations')
    assert.include(textOf(queue), 'Boulangerie Linné')
    const card = await db
      .from('organisation_postcards')
      .where('organisation_id', shopId)
      .firstOrFail()
    assert.notInclude(queue.text, card.code_hash)
    const printed = await ops.agent.submit(
      `/operators/organisations/postcards/${card.id}/print`,
      {},
      { from: '/operators/organisations' }
    )
    assert.equal(printed.status, 200)
    const code = printed.text.match(/id="postcard-code">([A-Z0-9-]+)</)![1]
    const second = await ops.agent.submit(
      `/operators/organisations/postcards/${card.id}/print`,
      {},
      { from: '/operators/organisations' }
    )
    assert.equal(second.status, 409)
    const stored = await db.from('organisation_postcards').where('id', card.id).firstOrFail()
    assert.isNull(stored.code_encrypted)

    const wrong = await post(
      marie.agent,
      `/organisations/${shopId}/verification/code`,
      { code: 'ABCD-EFGH' },
      manage
    )
    assert.equal(wrong.status, 422)
    assert.include(errorsIn(wrong.text).join(' '), 'Ce n’est pas le bon code.')
    const right = await post(
      marie.agent,
      `/organisations/${shopId}/verification/code`,
      { code: code.toLowerCase() },
      manage
    )
    assert.equal(right.status, 302)
    const shop = await db.from('organisations').where('id', shopId).firstOrFail()
    assert.equal(shop.verification_status, 'verified')
    const decision = await db
      .from('organisation_verifications')
      .where('organisation_id', shopId)
      .firstOrFail()
    assert.equal(decision.method, 'postcard')
    assert.equal(Number(decision.decided_by_id), marie.id)
    assert.include(textOf(await marie.agent.get(manage)), 'Vérifiée')
  })

  test('shop by review, association by review, town hall only with the checklist; refusals need a note', async ({
    assert,
  }) => {
    const ops = await operator()
    const marie = await account('Marie')
    const shopId = await createOrganisation(marie.agent)
    const assoId = await createOrganisation(
      marie.agent,
      shopFields({ kind: 'association', name: 'Les Amis du Jardin', siret: '', rna: 'w751234567' })
    )
    const hallId = await createOrganisation(
      marie.agent,
      shopFields({ kind: 'town_hall', name: 'Mairie de Paris', siret: '' })
    )
    assert.equal(
      (await db.from('organisations').where('id', assoId).firstOrFail()).rna,
      'W751234567'
    )
    for (const id of [shopId, assoId, hallId]) {
      const asked = await post(
        marie.agent,
        `/organisations/${id}/verification/review`,
        {},
        `/organisations/${id}/manage`
      )
      assert.equal(asked.status, 302)
    }
    const queue = textOf(await ops.agent.get('/operators/organisations'))
    assert.include(queue, 'Les Amis du Jardin')
    assert.include(queue, 'Mairie de Paris')

    const decide = (id: number, fields: Record<string, string>) =>
      ops.agent.submit(`/operators/organisations/${id}/decide`, fields, {
        from: `/operators/organisations/${id}`,
      })
    const noChecklist = await decide(hallId, { decision: 'approved', email_domain_checked: '1' })
    assert.equal(noChecklist.status, 422)
    assert.include(
      errorsIn(noChecklist.text),
      'Cochez les deux vérifications (e-mail officiel et rappel) avant d’accepter une mairie.'
    )
    const noNote = await decide(shopId, { decision: 'rejected', note: '' })
    assert.equal(noNote.status, 422)
    assert.equal(
      (await decide(shopId, { decision: 'rejected', note: 'Kbis illisible' })).status,
      302
    )
    assert.equal((await decide(assoId, { decision: 'approved' })).status, 302)
    assert.equal(
      (
        await decide(hallId, {
          decision: 'approved',
          email_domain_checked: '1',
          phone_callback_checked: '1',
          note: 'contact@paris.fr, rappel 3975',
        })
      ).status,
      302
    )
    const statuses = await db
      .from('organisations')
      .orderBy('id')
      .select('id', 'verification_status')
    assert.deepEqual(
      statuses.map((row) => row.verification_status),
      ['rejected', 'verified', 'verified']
    )
    const hallDecision = await db
      .from('organisation_verifications')
      .where('organisation_id', hallId)
      .firstOrFail()
    assert.equal(Number(hallDecision.decided_by_id), ops.id)
    assert.equal(hallDecision.method, 'review')
    assert.deepEqual(hallDecision.checklist, {
      email_domain_checked: true,
      phone_callback_checked: true,
    })
    /** Decided once: a second decision is refused. */
    assert.equal((await decide(assoId, { decision: 'approved' })).status, 409)
    /** A rejected shop may ask again. */
    assert.equal(
      (
        await post(
          marie.agent,
          `/organisations/${shopId}/verification/review`,
          {},
          `/organisations/${shopId}/manage`
        )
      ).status,
      302
    )
  })

  test('operator pages answer 403 to anyone else, like the other back-office pages', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const shopId = await createOrganisation(marie.agent)
    assert.equal((await marie.agent.get('/operators/organisations')).status, 403)
    assert.equal((await marie.agent.get(`/operators/organisations/${shopId}`)).status, 403)
    await marie.agent.get(`/organisations/${shopId}/manage`)
    const decide = await marie.agent.submit(`/operators/organisations/${shopId}/decide`, {
      decision: 'approved',
    })
    assert.equal(decide.status, 403)
    assert.equal(
      (await db.from('organisations').where('id', shopId).firstOrFail()).verification_status,
      'unverified'
    )
  })

  test('members: the owner adds by e-mail or by a name search, editors cannot, the last owner cannot leave', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const paul = await account('Paul')
    const zoe = await account('Zoé')
    const shopId = await createOrganisation(marie.agent)
    const members = `/organisations/${shopId}/members`
    const unknown = await post(
      marie.agent,
      members,
      { email: 'nobody@example.org', role: 'editor' },
      members
    )
    assert.equal(unknown.status, 422)
    assert.include(errorsIn(unknown.text), 'Aucun compte Quartier avec cette adresse.')
    const badRole = await post(marie.agent, members, { email: paul.email, role: 'boss' }, members)
    assert.equal(badRole.status, 422)
    assert.equal(
      (await post(marie.agent, members, { email: paul.email, role: 'editor' }, members)).status,
      302
    )
    assert.equal(
      (await post(marie.agent, members, { email: paul.email, role: 'editor' }, members)).status,
      409
    )

    const found = await marie.agent.get(`${members}?q=Zo`)
    assert.notInclude(textOf(found), zoe.email)
    const search = await marie.agent.get(`${members}?q=Zoé`)
    assert.include(textOf(search), 'Zoé')
    assert.notInclude(search.text, zoe.email)
    assert.equal(
      (await post(marie.agent, members, { user_id: String(zoe.id), role: 'editor' }, members))
        .status,
      302
    )

    /** An editor may not manage members. */
    const byEditor = await post(
      paul.agent,
      members,
      { email: marie.email, role: 'editor' },
      members
    )
    assert.equal(byEditor.status, 403)
    const removeByEditor = await post(paul.agent, `${members}/${zoe.id}/remove`, {}, members)
    assert.equal(removeByEditor.status, 403)

    const lastOwner = await post(marie.agent, `/organisations/${shopId}/leave`, {}, members)
    assert.equal(lastOwner.status, 409)
    assert.include(errorsIn(lastOwner.text).join(' '), 'dernier propriétaire')
    assert.equal((await post(marie.agent, `${members}/${zoe.id}/remove`, {}, members)).status, 302)
    assert.equal(
      (await post(paul.agent, `/organisations/${shopId}/leave`, {}, members)).status,
      302
    )
    const left = await db.from('organisation_members').where('organisation_id', shopId)
    assert.deepEqual(
      left.map((row) => Number(row.user_id)),
      [marie.id]
    )
    /** Once gone, the page is a 404. */
    assert.equal((await paul.agent.get(members)).status, 404)
  })

  test('an unverified organisation cannot post', async ({ assert }) => {
    const marie = await account('Marie')
    const shopId = await createOrganisation(marie.agent)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
    const offer = await post(
      marie.agent,
      `/organisations/${shopId}/offers`,
      { title: 'Croissants à 1 €', text: 'Tout le week-end.', valid_until: today },
      `/organisations/${shopId}/offers/new`
    )
    assert.equal(offer.status, 403)
    assert.equal(
      await db
        .from('shop_offers')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
    const hallId = await createOrganisation(
      marie.agent,
      shopFields({ kind: 'town_hall', name: 'Mairie', siret: '' })
    )
    const notice = await post(
      marie.agent,
      `/organisations/${hallId}/notices`,
      { title: 'Travaux rue Linné', text: 'Fermeture de la rue lundi.', audience: 'town' },
      `/organisations/${hallId}/notices/new`
    )
    assert.equal(notice.status, 403)
    assert.include(
      errorsIn(notice.text),
      'Votre organisation n’est pas encore vérifiée : elle ne peut pas publier.'
    )
    assert.equal(
      await db
        .from('notices')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
    await markVerified(shopId)
    const posted = await post(
      marie.agent,
      `/organisations/${shopId}/offers`,
      { title: 'Croissants à 1 €', text: 'Tout le week-end.', valid_until: today },
      `/organisations/${shopId}/offers/new`
    )
    assert.equal(posted.status, 302)
  })
})
