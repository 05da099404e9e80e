import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Agent } from '#tests/helpers/agent'
import { signedInOperator } from '#tests/helpers/documents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { textOf } from '#tests/helpers/page_text'
import { freshStateForEachTest } from '#tests/helpers/state'
import { CLIGNANCOURT } from '#tests/functional/exchanges/support'
import { neighbour, postExchange, report, reportIdFor } from '#tests/functional/moderation/support'

const PAGE = '/operators/moderators'
const GRANT = '/operators/moderators/grant'
const REVOKE = '/operators/moderators/revoke'
const REASON = 'Plusieurs décisions prises sans raison donnée aux habitants.'

/** A super voisin of their neighbourhood, as an approved application leaves them. */
async function makeSuperVoisin(resident: { id: number; neighbourhoodId: number | null }) {
  await db.table('neighbourhood_roles').insert({
    user_id: resident.id,
    neighbourhood_id: resident.neighbourhoodId,
    role: 'super_voisin',
    created_at: new Date(),
  })
}

function moderatorRows() {
  return db.from('neighbourhood_roles').where('role', 'moderator').orderBy('id')
}

function grant(agent: Agent, residentId: number, neighbourhoodId: number | null) {
  return agent.submit(
    GRANT,
    { resident_id: String(residentId), neighbourhood_id: String(neighbourhoodId) },
    { from: PAGE }
  )
}

function revoke(
  agent: Agent,
  residentId: number,
  neighbourhoodId: number | null,
  reason: string | null = REASON
) {
  const fields: Record<string, string> = {
    resident_id: String(residentId),
    neighbourhood_id: String(neighbourhoodId),
  }
  if (reason !== null) fields.revoke_reason = reason
  return agent.submit(REVOKE, fields, { from: PAGE })
}

function notificationsOf(userId: number) {
  return db
    .from('notifications')
    .where({ user_id: userId, type: 'neighbourhoods.moderator' })
    .orderBy('id')
}

test.group('Moderators: operators name and withdraw them', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a super voisin made moderator reviews the reports of their neighbourhood only', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    await makeSuperVoisin(camille)
    const operator = await signedInOperator()

    /** Not a moderator yet: the queue does not exist for them. */
    assert.equal((await camille.agent.get('/moderation')).status, 404)

    /** The page lists the super voisin, with the button, under their neighbourhood. */
    const before = await operator.agent.get(PAGE)
    assert.equal(before.status, 200)
    assert.match(before.text, /href="\/operators\/moderators"\s+aria-current="page"/)
    const listed = textOf(before)
    assert.include(listed, 'Saint-Victor (Paris)')
    assert.include(listed, 'Ce quartier n’a pas encore de modérateur.')
    assert.include(listed, 'Super voisins qui ne sont pas encore modérateurs')
    assert.include(listed, 'Camille Martin')
    assert.include(listed, 'Nommer modérateur')

    const granted = await grant(operator.agent, camille.id, camille.neighbourhoodId)
    assert.equal(granted.status, 302)
    assert.equal(granted.location, PAGE)
    const [role] = await moderatorRows()
    assert.equal(Number(role.user_id), camille.id)
    assert.equal(Number(role.neighbourhood_id), camille.neighbourhoodId)
    assert.equal(Number(role.granted_by_id), operator.id)
    assert.instanceOf(role.created_at, Date)

    /** The page now shows the moderator, since when and who appointed them. */
    const after = textOf(await operator.agent.get(PAGE))
    assert.include(after, 'Camille Martin est maintenant modérateur du quartier Saint-Victor.')
    assert.include(after, 'Opératrice Quartier')
    assert.include(after, 'Retirer le rôle de modérateur')
    assert.include(after, 'Aucun autre super voisin dans ce quartier.')

    /** The resident is told, in the centre and by mail. */
    const [notification] = await notificationsOf(camille.id)
    assert.equal(notification.keys, 'moderators.mail.granted')
    assert.equal(notification.path, '/moderation')
    const mail = await mailbox.waitFor(camille.email, (message) =>
      message.subject.includes('modérateur')
    )
    assert.equal(mail.subject, 'Vous êtes modérateur du quartier Saint-Victor')

    /** Again (a double click): a notice, no second row, no second notification. */
    const again = await grant(operator.agent, camille.id, camille.neighbourhoodId)
    assert.equal(again.status, 302)
    assert.include(
      textOf(await operator.agent.get(PAGE)),
      'Camille Martin est déjà modérateur du quartier Saint-Victor : rien n’a changé.'
    )
    assert.lengthOf(await moderatorRows(), 1)
    assert.lengthOf(await notificationsOf(camille.id), 1)

    /** Reports in Saint-Victor reach Camille; those of Clignancourt do not. */
    const victorAuthor = await neighbour('Léa Dubois')
    const victorExchange = await postExchange(victorAuthor.agent)
    const victorReporter = await neighbour('Karim Benali')
    const victorPath = `/exchanges/${victorExchange}`
    assert.equal(
      (await report(victorReporter.agent, 'exchange', victorExchange, victorPath)).status,
      302
    )
    const farAuthor = await neighbour('Hugo Petit', { at: CLIGNANCOURT })
    const farExchange = await postExchange(farAuthor.agent, 'Escabeau à prêter')
    const farReporter = await neighbour('Nina Roux', { at: CLIGNANCOURT })
    const farPath = `/exchanges/${farExchange}`
    assert.equal((await report(farReporter.agent, 'exchange', farExchange, farPath)).status, 302)
    const victorReport = await reportIdFor('exchange', victorExchange)
    const farReport = await reportIdFor('exchange', farExchange)

    const queue = await camille.agent.get('/moderation')
    assert.equal(queue.status, 200)
    assert.include(queue.text, `href="/moderation/reports/${victorReport}"`)
    assert.notInclude(queue.text, `href="/moderation/reports/${farReport}"`)
    assert.equal((await camille.agent.get(`/moderation/reports/${victorReport}`)).status, 200)
    assert.equal((await camille.agent.get(`/moderation/reports/${farReport}`)).status, 404)
  })

  test('only a super voisin of that very neighbourhood can be made its moderator', async ({
    assert,
  }) => {
    const operator = await signedInOperator()
    const nina = await neighbour('Nina Roux')
    const hugo = await neighbour('Hugo Petit', { at: CLIGNANCOURT })
    await makeSuperVoisin(hugo)
    const message =
      'Seuls les super voisins d’un quartier peuvent en devenir modérateurs : cette personne n’est pas super voisin de ce quartier.'

    /** A resident who is no super voisin at all. */
    const refused = await grant(operator.agent, nina.id, nina.neighbourhoodId)
    assert.equal(refused.status, 422)
    assert.include(textOf(refused), message)

    /** A super voisin of Clignancourt, for Saint-Victor. */
    const elsewhere = await grant(operator.agent, hugo.id, nina.neighbourhoodId)
    assert.equal(elsewhere.status, 422)
    assert.include(textOf(elsewhere), message)

    /** Tampered fields: a readable 422, not a database error. */
    const garbled = await operator.agent.submit(
      GRANT,
      { resident_id: 'camille', neighbourhood_id: '99999999999999999999' },
      { from: PAGE }
    )
    assert.equal(garbled.status, 422)
    const missing = await operator.agent.submit(GRANT, {}, { from: PAGE })
    assert.equal(missing.status, 422)

    assert.lengthOf(await moderatorRows(), 0)
    assert.lengthOf(await notificationsOf(nina.id), 0)
    assert.lengthOf(await notificationsOf(hugo.id), 0)
  })

  test('revoking needs a reason, removes the role and the access to the reports', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    await makeSuperVoisin(camille)
    const operator = await signedInOperator()
    assert.equal((await grant(operator.agent, camille.id, camille.neighbourhoodId)).status, 302)
    assert.equal((await camille.agent.get('/moderation')).status, 200)

    /** No reason, or too short: the page again, the message beside that row's field. */
    const noReason = await revoke(operator.agent, camille.id, camille.neighbourhoodId, null)
    assert.equal(noReason.status, 422)
    assert.include(textOf(noReason), 'Indiquez la raison du retrait : l’habitant la recevra.')
    assert.include(noReason.text, 'id="field-revoke_reason"')
    const short = await revoke(operator.agent, camille.id, camille.neighbourhoodId, 'Non.')
    assert.equal(short.status, 422)
    assert.lengthOf(await moderatorRows(), 1)

    const revoked = await revoke(operator.agent, camille.id, camille.neighbourhoodId)
    assert.equal(revoked.status, 302)
    assert.equal(revoked.location, PAGE)
    assert.lengthOf(await moderatorRows(), 0)
    const page = textOf(await operator.agent.get(PAGE))
    assert.include(page, 'Camille Martin n’est plus modérateur du quartier Saint-Victor.')
    /** Still a super voisin: offered again. */
    assert.include(page, 'Nommer modérateur')
    assert.lengthOf(
      await db.from('neighbourhood_roles').where({ user_id: camille.id, role: 'super_voisin' }),
      1
    )

    /** The queue is gone for them, as for any resident. */
    assert.equal((await camille.agent.get('/moderation')).status, 404)

    /** They are told why. */
    const told = await notificationsOf(camille.id)
    assert.lengthOf(told, 2)
    assert.equal(told[1].keys, 'moderators.mail.revoked')
    const values = typeof told[1].values === 'string' ? JSON.parse(told[1].values) : told[1].values
    assert.equal(values.reason, REASON)
    const mail = await mailbox.waitFor(camille.email, (message) =>
      message.subject.includes('plus modérateur')
    )
    assert.include(mail.text, REASON)

    /** Again: a notice, nothing else. */
    const again = await revoke(operator.agent, camille.id, camille.neighbourhoodId)
    assert.equal(again.status, 302)
    assert.include(
      textOf(await operator.agent.get(PAGE)),
      'Camille Martin n’était pas modérateur du quartier Saint-Victor : rien n’a changé.'
    )
    assert.lengthOf(await notificationsOf(camille.id), 2)
  })

  test('residents, moderators included, are refused the page and its forms', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    await makeSuperVoisin(camille)
    const lea = await neighbour('Léa Dubois')

    assert.equal((await camille.agent.get(PAGE)).status, 403)
    const selfGrant = await camille.agent.submit(
      GRANT,
      { resident_id: String(camille.id), neighbourhood_id: String(camille.neighbourhoodId) },
      { from: '/profile' }
    )
    assert.equal(selfGrant.status, 403)
    assert.lengthOf(await moderatorRows(), 0)

    /** A moderator of a neighbourhood is not an operator either. */
    const operator = await signedInOperator()
    await grant(operator.agent, camille.id, camille.neighbourhoodId)
    assert.equal((await camille.agent.get(PAGE)).status, 403)
    const revokeOther = await camille.agent.submit(
      REVOKE,
      {
        resident_id: String(camille.id),
        neighbourhood_id: String(camille.neighbourhoodId),
        revoke_reason: REASON,
      },
      { from: '/profile' }
    )
    assert.equal(revokeOther.status, 403)
    assert.lengthOf(await moderatorRows(), 1)
    assert.equal((await lea.agent.get(PAGE)).status, 403)

    const guest = await new Agent().get(PAGE)
    assert.equal(guest.status, 302)
    assert.match(guest.location ?? '', /^\/login/)
  })
})
