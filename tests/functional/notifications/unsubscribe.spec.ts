import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { registerNotificationType } from '#modules/notifications/index'
import { Agent, linkIn } from '#tests/helpers/agent'
import { mailbox } from '#tests/helpers/mailbox'
import { createResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { tell } from '#tests/functional/notifications/support'

/** The unsubscribe link of the first mail to `email`, as a path. */
async function unsubscribeLink(email: string): Promise<string> {
  const mail = await mailbox.waitFor(email)
  return linkIn(mail.text, '/unsubscribe/')
}

/** What a mail provider does for RFC 8058: a POST with this body, no cookie, no CSRF token. */
function oneClick(path: string) {
  return new Agent('fr').request('POST', path, {
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
}

function emailChoice(userId: number, type = 'tests.news') {
  return db.from('notification_preferences').where({ user_id: userId, type }).first()
}

test.group('Notifications: one-click unsubscribe', (group) => {
  freshStateForEachTest(group)
  group.setup(() => {
    registerNotificationType({
      type: 'tests.news',
      labelKey: 'notifications.types.other',
      emailByDefault: true,
    })
  })

  test('the link works once, without a session; a second use changes nothing', async ({
    assert,
  }) => {
    const user = await createResident({ email: 'camille@example.org' })
    const userId = Number(user.id)
    await tell(userId)
    const link = await unsubscribeLink('camille@example.org')

    /** GET only asks (mail scanners follow links): nothing changes yet. */
    const visitor = new Agent('fr')
    const page = await visitor.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, 'data-unsubscribe="confirm"')
    assert.include(page.text, 'Me désabonner')
    assert.isNull(await emailChoice(userId))

    /** The page's own button: a plain POST, no session, no CSRF token. */
    const done = await visitor.request('POST', link)
    assert.equal(done.status, 200)
    assert.include(done.text, 'data-unsubscribe="done"')
    assert.isFalse((await emailChoice(userId)).email)

    /** The resident turns the mails back on; the old link cannot undo that. */
    await db
      .from('notification_preferences')
      .where({ user_id: userId, type: 'tests.news' })
      .update({ email: true })
    const again = await oneClick(link)
    assert.equal(again.status, 200)
    assert.include(again.text, 'data-unsubscribe="already_used"')
    assert.isTrue((await emailChoice(userId)).email)
    assert.include((await visitor.get(link)).text, 'data-unsubscribe="already_used"')
  })

  test('one-click POST as mail providers send it (no CSRF) stops that type', async ({ assert }) => {
    const user = await createResident({ email: 'nina@example.org', locale: 'en' })
    await tell(Number(user.id))
    const link = await unsubscribeLink('nina@example.org')
    const response = await oneClick(link)
    assert.equal(response.status, 200)
    assert.isFalse((await emailChoice(Number(user.id))).email)
    mailbox.clear()

    /** The next notification of that type stays in the centre only. */
    await tell(Number(user.id))
    await tell(Number(user.id), 'tests.other')
    await mailbox.waitFor('nina@example.org')
    assert.lengthOf(mailbox.to('nina@example.org'), 1)
  })

  test('a tampered or foreign token is refused with a clear page', async ({ assert }) => {
    const user = await createResident({ email: 'paul@example.org' })
    await tell(Number(user.id))
    const link = await unsubscribeLink('paul@example.org')
    const token = link.slice('/unsubscribe/'.length)
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21)
    for (const path of [`/unsubscribe/${flipped}`, '/unsubscribe/not-a-token']) {
      const shown = await new Agent('en').get(path)
      assert.equal(shown.status, 400)
      assert.include(shown.text, 'This unsubscribe link is not valid')
      const posted = await oneClick(path)
      assert.equal(posted.status, 400)
      assert.include(posted.text, 'n’est pas valable')
    }
    assert.isNull(await emailChoice(Number(user.id)))
    assert.lengthOf(await db.from('unsubscribe_tokens_used'), 0)
  })
})
