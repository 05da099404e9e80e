import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import SendDigests, { DIGEST_ITEMS } from '#modules/notifications/actions/send_digests'
import { Agent, linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import { CLIGNANCOURT, loanFields, neighbour, post } from '#tests/functional/exchanges/support'
import { rawHeader } from '#tests/functional/notifications/support'

/** Makes every account a week and a day old, so their first weekly digest is due. */
async function ageAccounts() {
  await db.from('users').update({ created_at: new Date(Date.now() - 8 * 86_400_000) })
}

test.group('Notifications: e-mail digest', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('lists the new items of the resident’s own scope, not a far neighbourhood’s', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const dominique = await neighbour('Dominique Petit')
    const paul = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const zoe = await neighbour('Zoé Roux', { at: CLIGNANCOURT })
    await post(dominique.agent, loanFields({ title: 'Escabeau de Saint-Victor' }))
    await post(paul.agent, loanFields({ title: 'Tondeuse de Clignancourt' }))
    await ageAccounts()

    const report = await new SendDigests().execute()
    /** Camille and Zoé; Dominique and Paul only have their own post to read of. */
    assert.isAtLeast(report.mailed, 2)

    const mail = await mailbox.waitFor(camille.email)
    assert.equal(mail.subject, 'Quoi de neuf dans votre quartier cette semaine')
    assert.include(mail.text, 'Escabeau de Saint-Victor')
    assert.notInclude(mail.text, 'Tondeuse de Clignancourt')
    assert.notInclude(mail.html, 'Tondeuse de Clignancourt')
    assert.match(mail.text, /https?:\/\/\S+\/exchanges\/\d+/)
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
    const link = linkIn(mail.text, '/unsubscribe/')
    assert.include(rawHeader(mail, 'List-Unsubscribe')!, link)

    const far = await mailbox.waitFor(zoe.email)
    assert.include(far.text, 'Tondeuse de Clignancourt')
    assert.notInclude(far.text, 'Escabeau de Saint-Victor')

    /** Claimed: a second run right away sends nothing more. */
    mailbox.clear()
    const again = await new SendDigests().execute()
    assert.equal(again.mailed, 0)

    /** The digest's own link stops the digest, without a session. */
    const done = await new Agent('fr').request('POST', link)
    assert.equal(done.status, 200)
    const row = await db.from('notification_digests').where('user_id', camille.id).first()
    assert.equal(row.frequency, 'off')
  })

  test('no digest when it is off, and none when nothing is new', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const dominique = await neighbour('Dominique Petit')
    const lea = await neighbour('Léa Dubois')
    const paul = await neighbour('Paul Blanc', { at: CLIGNANCOURT })
    const saved = await camille.agent.submit(
      '/notifications/preferences',
      { digest_frequency: 'off' },
      { from: '/notifications/preferences' }
    )
    assert.equal(saved.status, 302)
    await post(dominique.agent, loanFields({ title: 'Escabeau de Saint-Victor' }))
    await ageAccounts()

    const report = await new SendDigests().execute()
    /**
     * Léa sees the ladder; Dominique posted it (her own post is no news)
     * and Paul, far away, has nothing new: no mail for either.
     */
    assert.equal(report.mailed, 1)
    assert.equal(report.empty, 2)
    await mailbox.waitFor(lea.email)
    assert.lengthOf(mailbox.to(camille.email), 0)
    assert.lengthOf(mailbox.to(dominique.email), 0)
    assert.lengthOf(mailbox.to(paul.email), 0)
  })

  test('leaves out the resident’s own posts, which reach their neighbours', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const dominique = await neighbour('Dominique Petit')
    await post(camille.agent, loanFields({ title: 'Perceuse de Camille' }))
    await post(dominique.agent, loanFields({ title: 'Escabeau de Dominique' }))
    await ageAccounts()

    const report = await new SendDigests().execute()
    assert.equal(report.mailed, 2)

    const forCamille = await mailbox.waitFor(camille.email)
    assert.include(forCamille.text, 'Escabeau de Dominique')
    assert.notInclude(forCamille.text, 'Perceuse de Camille')
    assert.notInclude(forCamille.html, 'Perceuse de Camille')

    const forDominique = await mailbox.waitFor(dominique.email)
    assert.include(forDominique.text, 'Perceuse de Camille')
    assert.notInclude(forDominique.text, 'Escabeau de Dominique')
    assert.notInclude(forDominique.html, 'Escabeau de Dominique')
  })

  test('a resident who posted more than a digest holds still hears of a neighbour’s post', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const dominique = await neighbour('Dominique Petit')
    /** Old enough for the digest and past the new-resident posting limit. */
    await ageAccounts()
    await post(dominique.agent, loanFields({ title: 'Escabeau de Dominique' }))
    /** Newer than the ladder, and more than one digest's worth. */
    for (let index = 0; index <= DIGEST_ITEMS; index++) {
      await post(camille.agent, loanFields({ title: `Objet de Camille ${index}` }))
    }

    await new SendDigests().execute()
    const forCamille = await mailbox.waitFor(camille.email)
    assert.include(forCamille.text, 'Escabeau de Dominique')
    assert.notInclude(forCamille.text, 'Objet de Camille')

    const forDominique = await mailbox.waitFor(dominique.email)
    assert.include(forDominique.text, `Objet de Camille ${DIGEST_ITEMS}`)
    assert.notInclude(forDominique.text, 'Escabeau de Dominique')
  })
})
