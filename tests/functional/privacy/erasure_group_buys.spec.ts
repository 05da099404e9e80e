import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { openStream, subscribe } from '#tests/helpers/sse'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  campaignRow,
  draft,
  neighbour,
  openCampaign,
  passDeadline,
  pelletFields,
  pledge,
  pledgeRows,
  textOf,
} from '#tests/functional/group_buys/support'
import { erase, expectRedirect, person } from '#tests/functional/privacy/support'

const FR_LEFT = 'Annulé : la personne qui l’organisait a quitté Quartier. Personne ne doit rien.'
const EN_LEFT = 'Cancelled: its organiser has left Quartier. Nobody owes anything.'

/** Moves a campaign on directly, with the stamps its steps write (as the state machine would). */
async function moveTo(id: number, status: 'confirmed' | 'delivered') {
  const now = new Date()
  await db
    .from('group_buys')
    .where('id', id)
    .update({
      status,
      deadline: new Date(now.getTime() - 60_000),
      final_unit_price_cents: 35,
      closed_at: now,
      confirmed_at: now,
      delivered_at: status === 'delivered' ? now : null,
    })
}

/** Someone's active pledge on a campaign, if any. */
async function activePledge(id: number, userId: number) {
  return (await pledgeRows(id)).find(
    (row) => Number(row.user_id) === userId && row.cancelled_at === null
  )
}

test.group('Privacy: erasure and group buys', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the campaigns she runs are cancelled and participants told; delivered ones stay', async ({
    assert,
    cleanup,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const chloe = await neighbour('Chloe Walker', { locale: 'en' })

    const drafted = await draft(anna.agent, pelletFields({ title: 'Terreau en préparation' }))
    const open = await openCampaign(anna)
    expectRedirect(await pledge(bruno, open, '600'), 'pledge')
    expectRedirect(await pledge(chloe, open, '300'), 'pledge')
    const confirmed = await openCampaign(anna, pelletFields({ title: 'Bûches de chêne sec' }))
    expectRedirect(await pledge(bruno, confirmed, '700'), 'pledge')
    await moveTo(confirmed, 'confirmed')
    const delivered = await openCampaign(anna, pelletFields({ title: 'Sel de déneigement' }))
    expectRedirect(await pledge(bruno, delivered, '800'), 'pledge')
    await moveTo(delivered, 'delivered')

    /** Bruno has the open campaign's page open. */
    await bruno.agent.get(`/group-buys/${open}`)
    const uid = randomUUID()
    const stream = await openStream(bruno.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(bruno.agent, uid, `group_buys/${open}`)).status, 204)

    mailbox.clear()
    expectRedirect(await erase(anna.agent), 'erasure')

    /** Cancelled as her own cancel does, with no reason typed; a delivered order stays. */
    for (const id of [drafted, open, confirmed]) {
      const row = await campaignRow(id)
      assert.equal(row.status, 'cancelled', `campaign ${id}`)
      assert.isNotNull(row.cancelled_at)
      assert.isNull(row.cancel_reason)
    }
    const kept = await campaignRow(delivered)
    assert.equal(kept.status, 'delivered')
    assert.isNull(kept.cancelled_at)
    /** Pledges stay, for the record. */
    assert.equal(Number((await activePledge(open, bruno.id))?.quantity_milli), 600_000)

    /** The open page learns it at once. */
    const live = await stream.nextData()
    assert.equal(live.channel, `group_buys/${open}`)
    assert.equal(live.payload.status, 'cancelled')
    assert.equal(live.payload.totalMilli, 900_000)

    /** The page says why, in each reader's language. */
    assert.include(textOf(await bruno.agent.get(`/group-buys/${open}`)), FR_LEFT)
    assert.include(textOf(await chloe.agent.get(`/group-buys/${open}`)), EN_LEFT)
    assert.notInclude(textOf(await bruno.agent.get(`/group-buys/${delivered}`)), FR_LEFT)

    /** Participants are told, in their language; nobody about the draft or the delivered order. */
    const brunoMail = await mailbox.waitFor(bruno.email, (mail) =>
      mail.subject.includes('Granulés')
    )
    assert.equal(brunoMail.subject, '« Granulés de bois pour l’hiver » est annulé')
    assert.include(
      textOf(brunoMail.text),
      'est annulé : la personne qui l’organisait a quitté Quartier. Vous ne devez rien.'
    )
    assert.include(brunoMail.text, `/group-buys/${open}`)
    await mailbox.waitFor(bruno.email, (mail) => mail.subject.includes('Bûches de chêne'))
    const chloeMail = await mailbox.waitFor(chloe.email)
    assert.equal(chloeMail.subject, '“Granulés de bois pour l’hiver” is cancelled')
    assert.include(
      textOf(chloeMail.text),
      'is cancelled: its organiser has left Quartier. You owe nothing.'
    )
    assert.isFalse(
      mailbox.messages.some(
        (mail) => mail.subject.includes('Sel de') || mail.subject.includes('Terreau')
      )
    )
    assert.lengthOf(mailbox.to(bruno.email), 2)
  })

  test('her pledges: withdrawn while pledges are collected; kept in a fixed order, the organiser told', async ({
    assert,
    cleanup,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const dora = await person('Dora', { street: 'rue Linné' })

    /** Bruno's open campaign: Anna 100 kg, Dora 200 kg. */
    const open = await openCampaign(bruno, pelletFields({ title: 'Granulés de Bruno' }))
    expectRedirect(await pledge(anna, open, '100'), 'pledge')
    expectRedirect(await pledge(dora, open, '200'), 'pledge')
    /** Bruno's confirmed order: Anna's 150 kg are ordered. */
    const ordered = await openCampaign(bruno, pelletFields({ title: 'Compost en vrac' }))
    expectRedirect(await pledge(anna, ordered, '150'), 'pledge')
    expectRedirect(await pledge(dora, ordered, '400'), 'pledge')
    await moveTo(ordered, 'confirmed')
    /** Still open, its deadline just passed: the deadline job will close it with her pledge. */
    const due = await openCampaign(bruno, pelletFields({ title: 'Paillage de jardin' }))
    expectRedirect(await pledge(anna, due, '50'), 'pledge')
    await passDeadline(due)

    await bruno.agent.get(`/group-buys/${open}`)
    const uid = randomUUID()
    const stream = await openStream(bruno.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(bruno.agent, uid, `group_buys/${open}`)).status, 204)

    mailbox.clear()
    expectRedirect(await erase(anna.agent), 'erasure')

    /** Withdrawn as her own withdrawal would: the row stays (cancelled), the total drops. */
    const withdrawn = (await pledgeRows(open)).find((row) => Number(row.user_id) === anna.id)
    assert.isNotNull(withdrawn?.cancelled_at)
    const openRow = await campaignRow(open)
    assert.equal(openRow.status, 'open')
    assert.equal(Number(openRow.total_milli), 200_000)
    const live = await stream.nextData()
    assert.equal(live.channel, `group_buys/${open}`)
    assert.equal(live.payload.totalMilli, 200_000)

    /** In the confirmed order and the one past its deadline, her pledge stays. */
    assert.equal(Number((await activePledge(ordered, anna.id))?.quantity_milli), 150_000)
    assert.equal(Number((await campaignRow(ordered)).total_milli), 550_000)
    assert.equal((await campaignRow(ordered)).status, 'confirmed')
    assert.equal(Number((await activePledge(due, anna.id))?.quantity_milli), 50_000)

    /** Bruno is told about the share of his confirmed order nobody will collect, only that. */
    const mail = await mailbox.waitFor(bruno.email)
    assert.equal(
      mail.subject,
      '« Compost en vrac » : une personne qui avait réservé a quitté Quartier'
    )
    assert.include(
      textOf(mail.text),
      'avait réservé 150 kg dans l’achat groupé « Compost en vrac »'
    )
    assert.include(mail.text, `/group-buys/${ordered}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.to(bruno.email), 1)
    assert.lengthOf(mailbox.to(dora.email), 0)
  })
})
