import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { authorizeTrust, isVerified, trustLevel } from '#modules/verification/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import { AlreadyVerifiedError, NotPlacedError } from '#modules/verification/services/errors'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const VERIFY = '/verify'
const RESIDENTS = '/operators/verification/residents'
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }

async function placed(email: string, displayName = 'Camille Martin') {
  const user = await createResident({ email, displayName })
  await placeResident(user.id, {
    ...SAINT_VICTOR,
    addressLabel: '12 rue des Écoles, 75005 Paris',
    placement: 'geocoder',
  })
  const agent = new Agent()
  await signIn(agent, email)
  return { id: Number(user.id), agent }
}

async function verify(userId: number, method: 'postcard' | 'cooptation' | 'document') {
  return db.transaction((trx) => new RecordVerification().execute({ userId, method }, trx))
}

async function operator() {
  const user = await createResident({ email: 'ops@example.org', displayName: 'Opératrice' })
  await db.from('users').where('id', user.id).update({ role: 'operator' })
  const agent = new Agent()
  await signIn(agent, 'ops@example.org')
  return { id: Number(user.id), agent }
}

test.group('Verification: trust levels and the Verify my address page', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an unverified resident sees the three ways side by side', async ({ assert }) => {
    const camille = await placed('camille@example.org')
    const page = await camille.agent.get(VERIFY)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Vérifier mon adresse')
    assert.include(page.text, 'pas encore vérifiée')
    for (const method of ['Par carte postale', 'Par deux voisins', 'Par justificatif']) {
      assert.include(page.text, method)
    }
    assert.equal(await trustLevel(camille.id), 'unverified')
    await assert.rejects(() => authorizeTrust(camille.id, 'post'), /verification required/)
    assert.equal(await authorizeTrust(camille.id, 'read_feed'), 'unverified')
  })

  test('a resident without a home is asked to place it first', async ({ assert }) => {
    await createResident({ email: 'nomad@example.org', locale: 'en' })
    const agent = new Agent('en')
    await signIn(agent, 'nomad@example.org')
    const page = await agent.get(VERIFY)
    assert.equal(page.status, 200)
    assert.include(page.text, 'First tell us where you live')
    assert.include(page.text, 'href="/home/place"')
  })

  test('a verification is recorded once, with its method, and the page says so', async ({
    assert,
  }) => {
    const camille = await placed('camille@example.org')
    const { verification } = await verify(camille.id, 'document')
    assert.equal(verification.method, 'document')
    assert.equal(verification.addressLabel, '12 rue des Écoles, 75005 Paris')
    assert.isTrue(await isVerified(camille.id))
    assert.equal(await authorizeTrust(camille.id, 'post'), 'verified')

    await assert.rejects(() => verify(camille.id, 'postcard'), AlreadyVerifiedError)
    assert.lengthOf(await db.from('verifications').where('user_id', camille.id), 1)

    const page = await camille.agent.get(VERIFY)
    assert.include(page.text, 'Votre adresse est vérifiée depuis le')
    assert.include(page.text, 'Un modérateur a examiné votre justificatif')
  })

  test('nothing is recorded for a resident who has no home', async ({ assert }) => {
    const user = await createResident({ email: 'nomad@example.org' })
    await assert.rejects(() => verify(Number(user.id), 'postcard'), NotPlacedError)
    assert.lengthOf(await db.from('verifications'), 0)
  })

  test('moving away clears the proof; a new verification supersedes the old row', async ({
    assert,
  }) => {
    const camille = await placed('camille@example.org')
    await verify(camille.id, 'postcard')
    await placeResident(camille.id, {
      longitude: 2.3466,
      latitude: 48.8909,
      addressLabel: '4 rue Lamarck, 75018 Paris',
      placement: 'geocoder',
    })
    assert.isFalse(await isVerified(camille.id))
    await verify(camille.id, 'document')
    const rows = await db.from('verifications').where('user_id', camille.id).orderBy('id')
    assert.lengthOf(rows, 2)
    assert.isNotNull(rows[0].superseded_at)
    assert.isNull(rows[1].superseded_at)
    assert.equal(rows[1].address_label, '4 rue Lamarck, 75018 Paris')
  })
})

test.group('Verification: an operator revokes a verification', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('found by name, revoked with a reason the resident is told', async ({ assert }) => {
    const camille = await placed('camille@example.org')
    await verify(camille.id, 'postcard')
    const ops = await operator()

    const found = await ops.agent.get(`${RESIDENTS}?q=camille`)
    assert.equal(found.status, 200)
    assert.include(found.text, 'Camille Martin')
    assert.include(found.text, 'camille@example.org')
    assert.include(found.text, 'En vigueur')

    const tooShort = await ops.agent.submit(
      `${RESIDENTS}/${camille.id}/revoke`,
      { revoke_reason: 'non', q: 'camille' },
      { from: `${RESIDENTS}?q=camille` }
    )
    assert.equal(tooShort.status, 422)
    assert.include(tooShort.text, 'au moins 10 caractères')
    assert.isTrue(await isVerified(camille.id))

    const reason = 'Le justificatif était celui d’un autre foyer.'
    const revoked = await ops.agent.submit(
      `${RESIDENTS}/${camille.id}/revoke`,
      { revoke_reason: reason, q: 'camille' },
      { from: `${RESIDENTS}?q=camille` }
    )
    assert.equal(revoked.status, 302)
    assert.isFalse(await isVerified(camille.id))
    const row = await db.from('verifications').where('user_id', camille.id).firstOrFail()
    assert.equal(row.revoke_reason, reason)
    assert.equal(Number(row.revoked_by_id), ops.id)

    const mail = await mailbox.waitFor('camille@example.org', (m) => m.subject.includes('retirée'))
    assert.include(mail.text, reason)

    const again = await ops.agent.submit(
      `${RESIDENTS}/${camille.id}/revoke`,
      { revoke_reason: reason, q: 'camille' },
      { from: `${RESIDENTS}?q=camille` }
    )
    assert.equal(again.status, 409)
    assert.include(again.text, 'rien à retirer')

    /** Unverified again, the resident may prove their address anew. */
    await verify(camille.id, 'cooptation')
    assert.isTrue(await isVerified(camille.id))
  })

  test('residents cannot reach the revocation pages', async ({ assert }) => {
    const camille = await placed('camille@example.org')
    const lea = await placed('lea@example.org', 'Léa Dubois')
    await verify(lea.id, 'postcard')
    assert.equal((await camille.agent.get(RESIDENTS)).status, 403)
    const attempt = await camille.agent.submit(
      `${RESIDENTS}/${lea.id}/revoke`,
      { revoke_reason: 'Je veux retirer sa vérification.' },
      { from: VERIFY }
    )
    assert.equal(attempt.status, 403)
    assert.isTrue(await isVerified(lea.id))
  })
})
