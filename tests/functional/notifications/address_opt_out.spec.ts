import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent, linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox, type ReceivedMail } from '#tests/helpers/mailbox'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { rawHeader } from '#tests/functional/notifications/support'

const INVITE = '/neighbourhood/invite'
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }

/** A resident placed in Saint-Victor, signed in on an agent. */
async function inviter(locale = 'fr') {
  const user = await createResident({ locale })
  await placeResident(user.id, {
    ...SAINT_VICTOR,
    addressLabel: '12 rue des Écoles, 75005 Paris',
    placement: 'geocoder',
  })
  const agent = new Agent(locale)
  await signIn(agent, user.email)
  return { user, agent }
}

function invite(agent: Agent, recipient: string) {
  return agent.submit(
    `${INVITE}/email`,
    { recipient_email: recipient, audience: 'neighbour' },
    { from: INVITE }
  )
}

/** What a mail provider does for RFC 8058: a POST with this body, no cookie, no CSRF token. */
function oneClick(path: string) {
  return new Agent('fr').request('POST', path, {
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
}

function invitationsTo(recipient: string) {
  return db.from('invitations').where('recipient', recipient)
}

function absolute(path: string, mail: ReceivedMail): string {
  return new URL(path, mail.text.match(/https?:\/\/[^/\s]+/)![0]).href
}

test.group('Notifications: invitations can be stopped by address, without an account', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an invitation mail carries the one-click headers and a visible link', async ({
    assert,
  }) => {
    const { agent } = await inviter()
    assert.equal((await invite(agent, 'jeanne@example.org')).status, 302)
    const mail = await mailbox.waitFor('jeanne@example.org')
    const link = linkIn(mail.text, '/unsubscribe/')

    assert.equal(rawHeader(mail, 'List-Unsubscribe'), `<${absolute(link, mail)}>`)
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
    assert.include(mail.text, "Ne plus recevoir d'invitations de Quartier")
    assert.include(mail.html, 'Ne plus recevoir d&#x27;invitations de Quartier')
    /** The link is encrypted: the address cannot be read in it. */
    assert.notInclude(decodeURIComponent(link), 'jeanne')
    assert.notInclude(Buffer.from(link.split('/').pop()!, 'base64url').toString(), 'jeanne')
  })

  test('the link opts the address out once, without a session; nothing of it is kept in clear', async ({
    assert,
  }) => {
    const { agent } = await inviter()
    await invite(agent, 'jeanne@example.org')
    const link = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/unsubscribe/')

    /** GET only asks: mail scanners follow links. */
    const visitor = new Agent('fr')
    const page = await visitor.get(link)
    assert.equal(page.status, 200)
    assert.include(page.text, 'data-unsubscribe="confirm"')
    assert.include(page.text, 'tout e-mail de Quartier à cette adresse')
    assert.lengthOf(await db.from('mail_opt_outs'), 0)

    const done = await oneClick(link)
    assert.equal(done.status, 200)
    assert.include(done.text, 'data-unsubscribe="done"')
    assert.include(done.text, 'Quartier n’écrira plus à cette adresse')
    assert.notInclude(done.text, 'une fois connecté')
    const rows = await db.from('mail_opt_outs')
    assert.lengthOf(rows, 1)
    assert.equal(
      rows[0].address_hash,
      createHash('sha256').update('jeanne@example.org').digest('hex')
    )
    const used = await db.from('unsubscribe_tokens_used')
    assert.lengthOf(used, 1)
    assert.isNull(used[0].user_id)

    /** A second use changes nothing. */
    const again = await oneClick(link)
    assert.equal(again.status, 200)
    assert.include(again.text, 'data-unsubscribe="already_used"')
    assert.lengthOf(await db.from('mail_opt_outs'), 1)
    assert.lengthOf(await db.from('unsubscribe_tokens_used'), 1)

    /** No column of either table holds the address. */
    for (const table of ['mail_opt_outs', 'unsubscribe_tokens_used']) {
      for (const row of await db.from(table)) {
        assert.notInclude(JSON.stringify(row).toLowerCase(), 'jeanne', table)
      }
    }
  })

  test('an opted-out address is refused in any case or spacing; nothing written or counted', async ({
    assert,
  }) => {
    const { agent } = await inviter()
    await invite(agent, 'jeanne@example.org')
    const link = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/unsubscribe/')
    assert.equal((await oneClick(link)).status, 200)

    /** Another resident, so "already invited" is not what refuses it. */
    const other = await inviter()
    mailbox.clear()
    for (const variant of ['jeanne@example.org', '  JEANNE@Example.ORG ', 'Jeanne@example.org']) {
      const refused = await invite(other.agent, variant)
      assert.equal(refused.status, 422, variant)
      assert.include(
        refused.text,
        'Cette personne a demandé à ne plus recevoir d&#x27;invitations de Quartier'
      )
    }
    assert.lengthOf(await db.from('invitations').where('inviter_id', other.user.id), 0)
    assert.lengthOf(await invitationsTo('jeanne@example.org'), 1)
    assert.lengthOf(mailbox.messages, 0)
    /** No daily count was used: the page still offers all 30. */
    const page = await other.agent.get(INVITE)
    assert.include(page.text, 'Encore 30 invitations par e-mail possibles')

    /** The same in English. */
    const english = await inviter('en')
    const refused = await invite(english.agent, 'jeanne@example.org')
    assert.equal(refused.status, 422)
    assert.include(refused.text, 'This person asked not to receive invitations from Quartier')

    /** Another address is still invited. */
    assert.equal((await invite(other.agent, 'paul@example.org')).status, 302)
    await mailbox.waitFor('paul@example.org')
    assert.lengthOf(await invitationsTo('paul@example.org'), 1)
  })

  test('a tampered address link is refused and opts nobody out', async ({ assert }) => {
    const { agent } = await inviter()
    await invite(agent, 'jeanne@example.org')
    const link = linkIn((await mailbox.waitFor('jeanne@example.org')).text, '/unsubscribe/')
    const token = link.slice('/unsubscribe/'.length)
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21)
    const response = await oneClick(`/unsubscribe/${flipped}`)
    assert.equal(response.status, 400)
    assert.lengthOf(await db.from('mail_opt_outs'), 0)
    assert.lengthOf(await db.from('unsubscribe_tokens_used'), 0)
  })

  test('account mails carry the same link: once used, Quartier writes nothing more to the address', async ({
    assert,
  }) => {
    await createResident({ email: 'mila@example.org' })
    await createResident({ email: 'temoin@example.org' })
    const forgot = (email: string) =>
      new Agent('fr').submit('/password/forgot', { email }, { from: '/password/forgot' })

    assert.equal((await forgot('mila@example.org')).status, 200)
    const mail = await mailbox.waitFor('mila@example.org')
    const link = linkIn(mail.text, '/unsubscribe/')
    assert.equal(rawHeader(mail, 'List-Unsubscribe'), `<${absolute(link, mail)}>`)
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')

    const done = await oneClick(link)
    assert.equal(done.status, 200)
    assert.include(done.text, 'data-unsubscribe="done"')

    /** The page answers as before (it never tells who has an account), but no mail leaves. */
    assert.equal((await forgot('mila@example.org')).status, 200)
    /** A mail to someone else, asked after: once it has arrived, Mila's would have too. */
    assert.equal((await forgot('temoin@example.org')).status, 200)
    await mailbox.waitFor('temoin@example.org')
    assert.lengthOf(mailbox.to('mila@example.org'), 1)
  })
})
