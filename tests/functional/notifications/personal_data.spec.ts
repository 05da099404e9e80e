import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { notificationsPersonalData } from '#modules/notifications/services/personal_data'
import { signedInResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { notificationsOf, tell } from '#tests/functional/notifications/support'

test.group('Notifications: personal data', (group) => {
  freshStateForEachTest(group)

  test('export holds the resident’s own notifications and choices; erase deletes them', async ({
    assert,
  }) => {
    const camille = await signedInResident('camille@example.org')
    const nina = await signedInResident('nina@example.org')
    await tell(Number(camille.user.id), 'tests.news', '/verify')
    await tell(Number(nina.user.id), 'tests.news', '/feed')
    await camille.agent.submit(
      '/notifications/preferences',
      { digest_frequency: 'daily' },
      { from: '/notifications/preferences' }
    )

    const exported = (await notificationsPersonalData.export(Number(camille.user.id))) as any
    assert.lengthOf(exported.notifications, 1)
    assert.equal(exported.notifications[0].path, '/verify')
    assert.equal(exported.digest.frequency, 'daily')
    assert.notInclude(JSON.stringify(exported), '/feed')

    await db.transaction((trx) => notificationsPersonalData.erase(Number(camille.user.id), trx))
    assert.lengthOf(await notificationsOf(Number(camille.user.id)), 0)
    assert.lengthOf(await db.from('notification_digests').where('user_id', camille.user.id), 0)
    assert.lengthOf(await notificationsOf(Number(nina.user.id)), 1)
  })
})
