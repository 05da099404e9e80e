import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import { CLIGNANCOURT, LYON, loadLyon } from '#tests/functional/exchanges/support'
import {
  decide,
  hiddenAt,
  makeModerator,
  makeOperator,
  neighbour,
  postExchange,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

async function appealAs(
  agent: Agent,
  actionId: number,
  text = 'Mon annonce respecte les règles, je prête vraiment cette perceuse.'
) {
  await agent.get('/moderation/appeals')
  return agent.submit('/moderation/appeals', { action_id: String(actionId), appeal_text: text })
}

test.group('Moderation: appeals and the public log', (group) => {
  group.setup(async () => {
    await loadParis()
    await loadLyon()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an author appeals once; an operator overturns and the content shows again', async ({
    assert,
  }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, author.neighbourhoodId!)
    await report((await neighbour('Léa Dubois')).agent, 'exchange', id, `/exchanges/${id}`)
    await decide(moderator.agent, await reportIdFor('exchange', id), 'hide')
    assert.isNotNull(await hiddenAt('exchanges', id))
    const action = await db.from('moderation_actions').where({ content_id: id }).firstOrFail()

    const page = await author.agent.get('/moderation/appeals')
    assert.include(textOf(page), 'Contraire aux règles du quartier')
    assert.equal((await appealAs(author.agent, Number(action.id))).status, 302)
    const again = await appealAs(author.agent, Number(action.id), 'Je conteste encore une fois !')
    assert.equal(again.status, 409)
    assert.include(textOf(again), 'un recours n’est possible qu’une fois')
    assert.lengthOf(await db.from('appeals'), 1)

    /** Someone else cannot appeal a decision about another resident. */
    const lea = await neighbour('Nina Roux')
    assert.equal((await appealAs(lea.agent, Number(action.id))).status, 404)

    /** Only operators decide. */
    assert.equal((await moderator.agent.get('/operators/appeals')).status, 403)
    const operator = await neighbour('Opératrice Quartier')
    await makeOperator(operator.id)
    const review = await operator.agent.get('/operators/appeals')
    assert.equal(review.status, 200)
    const [appeal] = await db.from('appeals')
    const decided = await operator.agent.submit(
      `/operators/appeals/${appeal.id}`,
      {
        decision: 'overturn',
        moderation_reason: 'Le prêt est réel : rien de contraire aux règles.',
      },
      { from: '/operators/appeals' }
    )
    assert.equal(decided.status, 302)
    assert.isNull(await hiddenAt('exchanges', id))
    assert.equal((await db.from('appeals').where('id', appeal.id).first()).status, 'overturned')
    assert.equal((await lea.agent.get(`/exchanges/${id}`)).status, 200)

    /** The decision is in the public log. */
    const log = await lea.agent.get(`/neighbourhoods/${author.neighbourhoodId}/moderation-log`)
    assert.include(textOf(log), 'Recours accepté')
    assert.include(textOf(log), 'Le prêt est réel')
  })

  test('overturning a suspension lifts it; upholding keeps it', async ({ assert }) => {
    const author = await neighbour('Camille Martin')
    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, author.neighbourhoodId!)
    const operator = await neighbour('Opératrice Quartier')
    await makeOperator(operator.id)
    const reporter = await neighbour('Léa Dubois')

    const first = await postExchange(author.agent, 'Perceuse à prêter')
    await report(reporter.agent, 'exchange', first, `/exchanges/${first}`)
    await decide(moderator.agent, await reportIdFor('exchange', first), 'suspend', {
      suspend_days: '3',
    })
    const suspension = await db.from('sanctions').where('user_id', author.id).firstOrFail()
    await appealAs(author.agent, Number(suspension.action_id))
    const [appeal] = await db.from('appeals')
    await operator.agent.submit(
      `/operators/appeals/${appeal.id}`,
      { decision: 'uphold', moderation_reason: 'La suspension est justifiée.' },
      { from: '/operators/appeals' }
    )
    assert.isNull((await db.from('sanctions').where('id', suspension.id).first()).lifted_at)
    const decidedAgain = await operator.agent.submit(
      `/operators/appeals/${appeal.id}`,
      { decision: 'overturn', moderation_reason: 'Finalement non.' },
      { from: '/operators/appeals' }
    )
    assert.equal(decidedAgain.status, 409)
    assert.isNull((await db.from('sanctions').where('id', suspension.id).first()).lifted_at)

    /** A second suspension, appealed and overturned: lifted, posting works at once. */
    await db
      .from('sanctions')
      .where('id', suspension.id)
      .update({ until: new Date(Date.now() - 1000) })
    const second = await postExchange(author.agent, 'Scie sauteuse à prêter')
    await report(reporter.agent, 'exchange', second, `/exchanges/${second}`)
    await decide(moderator.agent, await reportIdFor('exchange', second), 'suspend', {
      suspend_days: '30',
    })
    const longer = await db
      .from('sanctions')
      .where('user_id', author.id)
      .orderBy('id', 'desc')
      .firstOrFail()
    await appealAs(author.agent, Number(longer.action_id))
    const pending = await db.from('appeals').where('status', 'pending').firstOrFail()
    await operator.agent.submit(
      `/operators/appeals/${pending.id}`,
      { decision: 'overturn', moderation_reason: 'Sanction trop lourde.' },
      { from: '/operators/appeals' }
    )
    assert.isNotNull((await db.from('sanctions').where('id', longer.id).first()).lifted_at)
    assert.isAbove(await postExchange(author.agent, 'Ponceuse à prêter'), 0)
  })

  test('the public log never names the reporter nor shows removed content', async ({ assert }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent, 'Perceuse très spéciale à prêter')
    const reporters = [
      await neighbour('Léopoldine Reporter'),
      await neighbour('Barnabé Signaleur'),
      await neighbour('Ursule Témoin'),
    ]
    for (const reporter of reporters) {
      await report(reporter.agent, 'exchange', id, `/exchanges/${id}`, {
        report_note: 'Note privée pour les modérateurs',
      })
    }
    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, author.neighbourhoodId!)
    await decide(moderator.agent, await reportIdFor('exchange', id), 'remove', {
      moderation_reason: 'Annonce trompeuse',
    })

    const viewer = await neighbour('Nina Roux')
    const log = await viewer.agent.get(`/neighbourhoods/${author.neighbourhoodId}/moderation-log`)
    assert.equal(log.status, 200)
    const text = textOf(log)
    assert.include(text, 'Masqué automatiquement')
    assert.include(text, 'Supprimé')
    assert.include(text, 'Annonce trompeuse')
    assert.include(text, 'Échange d’un habitant')
    for (const reporter of reporters) {
      assert.notInclude(log.text, reporter.email)
      assert.notInclude(log.text, reporter.email.split('.')[0])
      assert.notInclude(text, reporter.email.split('@')[0])
    }
    for (const name of ['Léopoldine', 'Barnabé', 'Ursule', 'Camille', 'Hugo']) {
      assert.notInclude(text, name)
    }
    assert.notInclude(text, 'Perceuse très spéciale')
    assert.notInclude(text, 'Note privée')

    /** Residents of the town may read it; residents of another town get a 404. */
    const sameTown = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    assert.equal(
      (await sameTown.agent.get(`/neighbourhoods/${author.neighbourhoodId}/moderation-log`)).status,
      200
    )
    const lyon = await neighbour('Paul Girard', { at: LYON })
    assert.equal(
      (await lyon.agent.get(`/neighbourhoods/${author.neighbourhoodId}/moderation-log`)).status,
      404
    )
    assert.equal((await viewer.agent.get('/neighbourhoods/999999/moderation-log')).status, 404)
  })
})
