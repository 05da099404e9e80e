import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import { signIn } from '#tests/helpers/residents'
import { Agent } from '#tests/helpers/agent'
import {
  decide,
  hiddenAt,
  makeModerator,
  neighbour,
  postExchange,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

/** An author, their exchange reported once, and a moderator of their neighbourhood. */
async function reportedExchange() {
  const author = await neighbour('Camille Martin')
  const id = await postExchange(author.agent)
  const reporter = await neighbour('Léa Dubois')
  await report(reporter.agent, 'exchange', id, `/exchanges/${id}`)
  const moderator = await neighbour('Hugo Petit')
  await makeModerator(moderator.id, author.neighbourhoodId!)
  return { author, id, reporter, moderator, reportId: await reportIdFor('exchange', id) }
}

async function actionsOn(id: number) {
  return db.from('moderation_actions').where({ kind: 'exchange', content_id: id }).orderBy('id')
}

test.group('Moderation: the queue and each action', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the queue lists the neighbourhood’s reports; non-moderators cannot open it', async ({
    assert,
  }) => {
    const { moderator, reporter, reportId } = await reportedExchange()
    const queue = await moderator.agent.get('/moderation')
    assert.equal(queue.status, 200)
    assert.include(queue.text, `/moderation/reports/${reportId}`)
    assert.equal((await moderator.agent.get(`/moderation/reports/${reportId}`)).status, 200)

    assert.equal((await reporter.agent.get('/moderation')).status, 404)
    assert.equal((await reporter.agent.get(`/moderation/reports/${reportId}`)).status, 404)
    /** No form for them on that page: a token from another page. */
    await reporter.agent.get('/exchanges/new?kind=gift')
    const response = await reporter.agent.submit(`/moderation/reports/${reportId}`, {
      moderation_action: 'hide',
      moderation_reason: 'Je décide',
    })
    assert.equal(response.status, 404)
    assert.lengthOf(await db.from('moderation_actions'), 0)
  })

  test('a moderator of another neighbourhood cannot see or act on the report (404)', async ({
    assert,
  }) => {
    const { id, reportId } = await reportedExchange()
    const other = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    await makeModerator(other.id, other.neighbourhoodId!)
    const queue = await other.agent.get('/moderation')
    assert.equal(queue.status, 200)
    assert.notInclude(queue.text, `/moderation/reports/${reportId}`)
    assert.equal((await other.agent.get(`/moderation/reports/${reportId}`)).status, 404)
    await other.agent.get('/moderation')
    const response = await other.agent.submit(`/moderation/reports/${reportId}`, {
      moderation_action: 'remove',
      moderation_reason: 'Hors de mon quartier',
    })
    assert.equal(response.status, 404)
    assert.lengthOf(await actionsOn(id), 0)
    assert.isNotNull(await db.from('exchanges').where('id', id).first())
  })

  test('every action needs a reason', async ({ assert }) => {
    const { moderator, reportId, id } = await reportedExchange()
    const response = await decide(moderator.agent, reportId, 'hide', { moderation_reason: '' })
    assert.equal(response.status, 422)
    assert.include(textOf(response), 'Indiquez le motif de la décision')
    const noDays = await decide(moderator.agent, reportId, 'suspend')
    assert.equal(noDays.status, 422)
    assert.lengthOf(await actionsOn(id), 0)
  })

  test('hide, then dismiss later reports: a moderator’s hide stays; dismissing an automatic hide shows it again', async ({
    assert,
  }) => {
    const { author, id, moderator, reportId } = await reportedExchange()
    const hidden = await decide(moderator.agent, reportId, 'hide')
    assert.equal(hidden.status, 302)
    assert.isNotNull(await hiddenAt('exchanges', id))
    assert.equal((await db.from('reports').where('id', reportId).first()).status, 'actioned')
    const mail = await mailbox.waitFor(author.email, (m) => m.subject.includes('masqué'))
    assert.include(mail.text, 'Contraire aux règles du quartier')

    /** Another exchange hidden by three reports, then the reports dismissed: visible again. */
    const second = await postExchange(author.agent, 'Tondeuse à prêter')
    for (const name of ['Nina Roux', 'Omar Said', 'Paul Girard']) {
      await report((await neighbour(name)).agent, 'exchange', second, `/exchanges/${second}`)
    }
    assert.isNotNull(await hiddenAt('exchanges', second))
    const dismissed = await decide(
      moderator.agent,
      await reportIdFor('exchange', second),
      'dismiss'
    )
    assert.equal(dismissed.status, 302)
    assert.isNull(await hiddenAt('exchanges', second))
    const statuses = await db.from('reports').where({ kind: 'exchange', content_id: second })
    assert.isTrue(statuses.every((row) => row.status === 'dismissed'))
    assert.deepEqual(
      (await actionsOn(second)).map((row) => row.action),
      ['auto_hide', 'dismiss']
    )
  })

  test('remove deletes the content for good', async ({ assert }) => {
    const { author, id, moderator, reportId } = await reportedExchange()
    assert.equal((await decide(moderator.agent, reportId, 'remove')).status, 302)
    assert.isNull(await db.from('exchanges').where('id', id).first())
    assert.equal((await author.agent.get(`/exchanges/${id}`)).status, 404)
    const [logged] = await actionsOn(id)
    assert.equal(logged.action, 'remove')
    assert.equal(Number(logged.moderator_id), moderator.id)
    assert.equal(Number(logged.author_id), author.id)
  })

  test('warn records a warning without restricting the author', async ({ assert }) => {
    const { author, moderator, reportId } = await reportedExchange()
    assert.equal((await decide(moderator.agent, reportId, 'warn')).status, 302)
    const [sanction] = await db.from('sanctions').where('user_id', author.id)
    assert.equal(sanction.kind, 'warn')
    assert.equal((await author.agent.get('/moderation/appeals')).status, 200)
    const posted = await postExchange(author.agent, 'Escabeau à prêter')
    assert.isAbove(posted, 0)
  })

  test('suspend: the author’s posts are refused until the end of the period', async ({
    assert,
  }) => {
    const { author, moderator, reportId } = await reportedExchange()
    assert.equal(
      (await decide(moderator.agent, reportId, 'suspend', { suspend_days: '7' })).status,
      302
    )
    const [sanction] = await db.from('sanctions').where('user_id', author.id)
    assert.equal(sanction.kind, 'suspend')

    /** Reading still works; posting gets the 403 page saying until when and why. */
    assert.equal((await author.agent.get('/feed')).status, 200)
    await author.agent.get('/exchanges/new?kind=loan')
    const refused = await author.agent.submit('/exchanges', {
      direction: 'offer',
      kind: 'gift',
      title: 'Livres à donner',
      description: 'Une caisse de romans policiers à donner.',
      category: 'books',
      scope: 'neighbourhood',
    })
    assert.equal(refused.status, 403)
    assert.include(textOf(refused), 'Votre compte est suspendu')
    assert.include(textOf(refused), 'Contraire aux règles du quartier')

    /** Appeals stay open to them. */
    await author.agent.get('/moderation/appeals')
    const appeal = await author.agent.submit('/moderation/appeals', {
      action_id: String(sanction.action_id),
      appeal_text: 'Je ne comprends pas cette suspension.',
    })
    assert.equal(appeal.status, 302)

    /** Eight days later (timestamps moved), posting works again. */
    await db
      .from('sanctions')
      .where('id', sanction.id)
      .update({ until: new Date(Date.now() - 60_000) })
    assert.isAbove(await postExchange(author.agent, 'Livres à donner'), 0)
  })

  test('ban: the author is signed out and cannot sign in again', async ({ assert }) => {
    const { author, moderator, reportId } = await reportedExchange()
    assert.equal((await decide(moderator.agent, reportId, 'ban')).status, 302)
    const page = await author.agent.get('/feed')
    assert.equal(page.status, 302)
    assert.equal(page.location, '/login')
    const after = await author.agent.get('/moderation/appeals')
    assert.equal(after.status, 302)

    const fresh = new Agent('fr')
    await signIn(fresh, author.email)
    const landing = await fresh.get('/feed')
    assert.equal(landing.status, 302)
    assert.equal(landing.location, '/login')
    const login = await fresh.get('/login')
    assert.include(textOf(login), 'Votre compte a été exclu')

    /** The appeals page stays open to them, straight after signing in. */
    await signIn(fresh, author.email)
    const appeals = await fresh.get('/moderation/appeals')
    assert.equal(appeals.status, 200)
    const [ban] = await db.from('sanctions').where('user_id', author.id)
    const appeal = await fresh.submit('/moderation/appeals', {
      action_id: String(ban.action_id),
      appeal_text: 'Je demande le réexamen de mon exclusion.',
    })
    assert.equal(appeal.status, 302)
    assert.lengthOf(await db.from('appeals').where('author_id', author.id), 1)
    assert.equal((await fresh.get('/feed')).location, '/login')
  })
})
