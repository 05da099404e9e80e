import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Agent, linkIn } from '#tests/helpers/agent'
import { deliveries, lastAlert, raiseAlert, withAlertProviders } from '#tests/helpers/alerts'
import { verifiedResident } from '#tests/helpers/community'
import { mailbox } from '#tests/helpers/mailbox'
import { rawHeader } from '#tests/functional/notifications/support'

test.group('Notifications: alert mails unsubscribe in one click', (group) => {
  withAlertProviders(group)

  test('an alert mail carries RFC 8058 headers; the link stops alert e-mails only', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org', { locale: 'en' })
    assert.equal((await raiseAlert(camille.agent)).status, 302)

    const mail = await mailbox.waitFor('lea@example.org')
    const link = linkIn(mail.text, '/unsubscribe/')
    assert.equal(
      rawHeader(mail, 'List-Unsubscribe'),
      `<${new URL(link, mail.text.match(/https?:\/\/[^/\s]+/)![0]).href}>`
    )
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')

    const done = await new Agent('en').request('POST', link, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(done.status, 200)
    assert.include(done.text, 'data-unsubscribe="done"')
    const row = await db.from('alert_preferences').where('user_id', lea.id).first()
    assert.isFalse(row.email_info)
    assert.isFalse(row.email_urgent)
    assert.isFalse(row.email_critical)
    /** Push stays as it was. */
    assert.isTrue(row.push_urgent)

    /** The next alert is not mailed to Léa (not wanted: no e-mail delivery at all). */
    const again = await raiseAlert(camille.agent, {
      alert_text: 'Deuxième alerte : une porte forcée rue Linné, deux personnes.',
    })
    assert.equal(again.status, 302)
    const second = await lastAlert()
    const toLea = (await deliveries(second.id)).filter(
      (delivery) => Number(delivery.user_id) === lea.id && delivery.channel === 'email'
    )
    assert.lengthOf(toLea, 0)
  })
})
