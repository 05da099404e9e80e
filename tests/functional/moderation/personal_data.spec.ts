import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { moderationPersonalData } from '#modules/moderation/services/personal_data'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  decide,
  makeModerator,
  neighbour,
  postExchange,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

test.group('Moderation: personal data', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('export holds one’s own reports and the decisions about one, never the reporters; erasure unlinks reports', async ({
    assert,
  }) => {
    const author = await neighbour('Camille Martin')
    const id = await postExchange(author.agent)
    const lea = await neighbour('Léa Dubois')
    await report(lea.agent, 'exchange', id, `/exchanges/${id}`, { report_note: 'Arnaque' })
    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, author.neighbourhoodId!)
    await decide(moderator.agent, await reportIdFor('exchange', id), 'warn')

    const reporterData = (await moderationPersonalData.export(lea.id)) as any
    assert.lengthOf(reporterData.reports, 1)
    assert.equal(reporterData.reports[0].note, 'Arnaque')
    assert.lengthOf(reporterData.actions, 0)

    const authorData = (await moderationPersonalData.export(author.id)) as any
    assert.lengthOf(authorData.reports, 0)
    assert.lengthOf(authorData.actions, 1)
    assert.lengthOf(authorData.sanctions, 1)
    assert.notInclude(JSON.stringify(authorData), String(lea.email))
    assert.notProperty(authorData.actions[0], 'moderator_id')

    await db.transaction((trx) => moderationPersonalData.erase(lea.id, trx))
    const [row] = await db.from('reports')
    assert.isNull(row.reporter_id)
    assert.isNull(row.note)
    await db.transaction((trx) => moderationPersonalData.erase(author.id, trx))
    assert.lengthOf(await db.from('sanctions'), 0)
    assert.isNull((await db.from('moderation_actions').firstOrFail()).author_id)
  })
})
