import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { registerNotificationType } from '#modules/notifications/index'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { signedInResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { notificationsOf, rawHeader, tell } from '#tests/functional/notifications/support'

test.group('Notifications: notify and the centre', (group) => {
  freshStateForEachTest(group)
  group.setup(() => {
    registerNotificationType({
      type: 'tests.news',
      labelKey: 'notifications.types.other',
      emailByDefault: true,
    })
  })

  test('notify keeps a row and mails with one-click unsubscribe headers', async ({ assert }) => {
    const { user } = await signedInResident('camille@example.org')
    await tell(Number(user.id))
    const [row] = await notificationsOf(Number(user.id))
    assert.equal(row.type, 'tests.news')
    assert.equal(row.keys, 'verification.mail.verified')
    assert.equal(row.path, '/verify')
    assert.isNull(row.read_at)

    const mail = await mailbox.waitFor('camille@example.org')
    assert.equal(mail.subject, 'Votre adresse est vérifiée')
    const link = linkIn(mail.text, '/unsubscribe/')
    assert.match(rawHeader(mail, 'List-Unsubscribe')!, /^<https?:\/\/[^>]+\/unsubscribe\/[^>]+>$/)
    assert.include(rawHeader(mail, 'List-Unsubscribe')!, link)
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
    assert.include(mail.html, link)
  })

  test('with e-mail turned off for a type: a row, no mail', async ({ assert }) => {
    const { user, agent } = await signedInResident('nina@example.org')
    const page = await agent.get('/notifications/preferences')
    assert.equal(page.status, 200)
    assert.include(page.text, 'name="email[]"')
    /** Nothing ticked: every type off; digest daily. */
    const saved = await agent.submit('/notifications/preferences', { digest_frequency: 'daily' })
    assert.equal(saved.status, 302)
    const prefs = await db.from('notification_preferences').where('user_id', user.id)
    /** Every registered type is stored off (the modules' own types as well as this test's). */
    const choices = new Map(prefs.map((row) => [String(row.type), Boolean(row.email)]))
    assert.isFalse(choices.get('tests.news'))
    assert.includeMembers([...choices.keys()], ['tests.news', 'events.updates', 'messaging.unread'])
    assert.notInclude([...choices.values()], true)
    const digest = await db.from('notification_digests').where('user_id', user.id).first()
    assert.equal(digest.frequency, 'daily')

    await tell(Number(user.id))
    /** A type nobody registered is mailed: it arrives after the first would have. */
    await tell(Number(user.id), 'tests.unregistered')
    await mailbox.waitFor('nina@example.org')
    assert.lengthOf(mailbox.to('nina@example.org'), 1)
    assert.lengthOf(await notificationsOf(Number(user.id)), 2)

    /** Ticking it again turns it back on. */
    await agent.submit(
      '/notifications/preferences',
      { 'digest_frequency': 'weekly', 'email[]': 'tests.news' },
      { from: '/notifications/preferences' }
    )
    const again = await db
      .from('notification_preferences')
      .where({ user_id: user.id, type: 'tests.news' })
      .first()
    assert.isTrue(again.email)
  })

  test('a bad digest choice is refused with a message', async ({ assert }) => {
    const { agent } = await signedInResident('nina@example.org')
    const refused = await agent.submit(
      '/notifications/preferences',
      { digest_frequency: 'hourly' },
      { from: '/notifications/preferences' }
    )
    assert.equal(refused.status, 422)
    assert.include(refused.text, 'field__error')
  })

  test('the centre lists only the resident’s own, marks read, and counts unread in the header', async ({
    assert,
  }) => {
    const camille = await signedInResident('camille@example.org')
    const nina = await signedInResident('nina@example.org')
    await tell(Number(camille.user.id), 'tests.news', '/verify')
    await tell(Number(camille.user.id), 'tests.news', '//evil.example/steal')
    await tell(Number(nina.user.id), 'tests.news', '/feed')

    const page = await camille.agent.get('/notifications')
    assert.equal(page.status, 200)
    const own = (await notificationsOf(Number(camille.user.id))).map((row) => Number(row.id))
    const [ninas] = await notificationsOf(Number(nina.user.id))
    for (const id of own) assert.include(page.text, `data-notification="${id}"`)
    assert.notInclude(page.text, `data-notification="${ninas.id}"`)
    assert.equal((page.text.match(/data-unread="true"/g) ?? []).length, 2)
    assert.match(page.text, /data-notifications-count>\s*\(2\)/)

    /** Another resident's notification does not exist for Camille. */
    const stolen = await camille.agent.submit(`/notifications/${ninas.id}/open`, {})
    assert.equal(stolen.status, 404)
    assert.isNull((await db.from('notifications').where('id', ninas.id).first()).read_at)

    /** Opening one marks it read and leads to its path (never off-site). */
    await camille.agent.get('/notifications')
    const opened = await camille.agent.submit(`/notifications/${own[0]}/open`, {})
    assert.equal(opened.status, 302)
    assert.equal(opened.location, '/verify')
    await camille.agent.get('/notifications')
    const offsite = await camille.agent.submit(`/notifications/${own[1]}/open`, {})
    assert.equal(offsite.location, '/notifications')

    await tell(Number(camille.user.id))
    const later = await camille.agent.get('/notifications')
    assert.match(later.text, /data-notifications-count>\s*\(1\)/)
    const all = await camille.agent.submit('/notifications/read', {})
    assert.equal(all.status, 302)
    const unread = await db
      .from('notifications')
      .where('user_id', camille.user.id)
      .whereNull('read_at')
    assert.lengthOf(unread, 0)
    assert.isNull((await db.from('notifications').where('id', ninas.id).first()).read_at)

    /** Signed out: the centre asks to sign in. */
    const stranger = await new Agent('fr').get('/notifications')
    assert.equal(stranger.status, 302)
  })

  test('the centre pages by keyset, newest first', async ({ assert }) => {
    const { user, agent } = await signedInResident('camille@example.org')
    const base = Date.now() - 3_600_000
    await db.table('notifications').multiInsert(
      Array.from({ length: 25 }, (_, index) => ({
        user_id: user.id,
        type: 'tests.news',
        keys: 'verification.mail.verified',
        values: '{}',
        path: '/verify',
        created_at: new Date(base + index * 1000),
      }))
    )
    const ids = (await notificationsOf(Number(user.id))).map((row) => Number(row.id))
    const first = await agent.get('/notifications')
    const shown = [...first.text.matchAll(/data-notification="(\d+)"/g)].map((m) => Number(m[1]))
    assert.deepEqual(shown, ids.slice(5).reverse())
    const older = first.text.match(/href="([^"]*before=[^"]+)"/)![1].replaceAll('&amp;', '&')
    const second = await agent.get(older)
    const rest = [...second.text.matchAll(/data-notification="(\d+)"/g)].map((m) => Number(m[1]))
    assert.deepEqual(rest, ids.slice(0, 5).reverse())
    assert.equal((await agent.get('/notifications?before=nonsense')).status, 404)
  })
})
