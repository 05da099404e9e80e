import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import CloseDueCampaigns from '#modules/group_buys/actions/close_due_campaigns'
import { STATUSES, TRANSITIONS, type GroupBuyStatus } from '#modules/group_buys/services/settings'
import { linkIn } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  campaignRow,
  errorsIn,
  neighbour,
  openCampaign,
  passDeadline,
  pelletFields,
  pledge,
  step,
  textOf,
} from '#tests/functional/group_buys/support'

/** The organiser's buttons, by the state they lead to. */
const STEP_ROUTES: Partial<Record<GroupBuyStatus, string>> = {
  open: 'open',
  confirmed: 'confirm',
  delivered: 'deliver',
  completed: 'complete',
  cancelled: 'cancel',
}

test.group('Group buys: the whole life of a campaign', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('open, pledges, threshold, closing at the deadline, confirmed, delivered, completed', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const id = await openCampaign(camille)
    assert.equal((await campaignRow(id)).status, 'open')

    /** Below the threshold: nobody is told yet. */
    assert.equal((await pledge(lea, id, '300')).status, 302)
    assert.isNull((await campaignRow(id)).threshold_reached_at)

    /** Hugo's 900,5 kg take the total to 1 200,5 kg: threshold and first tier at once. */
    assert.equal((await pledge(hugo, id, '900.5')).status, 302)
    const reached = await campaignRow(id)
    assert.equal(Number(reached.total_milli), 1_200_500)
    assert.isNotNull(reached.threshold_reached_at)
    const leaMail = await mailbox.waitFor(lea.email, (mail) => mail.subject.includes('Seuil'))
    assert.equal(leaMail.subject, 'Seuil atteint : « Granulés de bois pour l’hiver » se fera')
    /** 300 kg at the current 0,32 €/kg = 96,00 €. */
    assert.include(
      textOf(leaMail.text),
      'Vous avez réservé 300 kg : au prix actuel de 0,32 €, cela fait 96,00 €.'
    )
    assert.equal(linkIn(leaMail.text, '/group-buys/'), `/group-buys/${id}`)
    const hugoMail = await mailbox.waitFor(hugo.email, (mail) => mail.subject.includes('Threshold'))
    /** 900.5 kg × €0.32 = €288.16. */
    assert.include(
      textOf(hugoMail.text),
      'You pledged 900.5 kg: at the current price of €0.32, that makes €288.16.'
    )
    await mailbox.waitFor(camille.email, (mail) => mail.subject.includes('Seuil'))

    /** The page: the viewer's own pledge, what they owe and save. */
    const page = textOf(await lea.agent.get(`/group-buys/${id}`))
    assert.include(page, 'Votre réservation : 300 kg.')
    assert.include(page, 'À régler au prix actuel : 96,00 €.')
    assert.include(page, 'Vous économisez 9,00 € (8,6 %) par rapport au prix de base (105,00 €).')
    assert.include(page, 'Prix actuel : 0,32 € le kg')

    /** The deadline comes: the job's action closes it at the tier reached. */
    mailbox.clear()
    await passDeadline(id)
    assert.deepEqual(await new CloseDueCampaigns().execute(), { closed: 1, failed: 0 })
    const closed = await campaignRow(id)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.final_unit_price_cents, 32)
    assert.isNotNull(closed.closed_at)
    const closedMail = await mailbox.waitFor(lea.email)
    assert.include(closedMail.subject, 'réservations closes, prix fixé')
    assert.include(
      textOf(closedMail.text),
      'pour vos 300 kg, vous devrez 96,00 €, soit 9,00 € d’économie (8,6 %)'
    )
    await mailbox.waitFor(camille.email, (mail) => mail.subject.includes('réservations closes'))
    /** Idempotent. */
    assert.deepEqual(await new CloseDueCampaigns().execute(), { closed: 0, failed: 0 })

    /** Pledging is over. */
    const late = await pledge(lea, id, '350')
    assert.equal(late.status, 409)
    assert.include(
      errorsIn(late.text).join(' '),
      'Les réservations sont fermées : cet achat groupé est clos.'
    )

    mailbox.clear()
    assert.equal((await step(camille, id, 'confirm')).status, 302)
    assert.equal((await campaignRow(id)).status, 'confirmed')
    /** From closing on, the organiser's panel leads to the order sheet and the pickup list. */
    const organiserPage = await camille.agent.get(`/group-buys/${id}`)
    assert.include(organiserPage.text, `href="/group-buys/${id}/order-sheet"`)
    assert.include(organiserPage.text, `href="/group-buys/${id}/pickup"`)
    const confirmed = await mailbox.waitFor(hugo.email)
    assert.equal(confirmed.subject, '“Granulés de bois pour l’hiver”: order confirmed')
    assert.include(textOf(confirmed.text), 'For your 900.5 kg, plan for €288.16.')

    mailbox.clear()
    assert.equal((await step(camille, id, 'deliver')).status, 302)
    assert.equal((await campaignRow(id)).status, 'delivered')
    const delivered = await mailbox.waitFor(lea.email)
    assert.include(delivered.subject, 'c’est livré')
    assert.include(textOf(delivered.text), 'Cour de l’école Saint-Victor')

    assert.equal((await step(camille, id, 'complete')).status, 302)
    const completed = await campaignRow(id)
    assert.equal(completed.status, 'completed')
    assert.isNotNull(completed.completed_at)
    assert.include(
      textOf(await lea.agent.get(`/group-buys/${id}`)),
      'Achat groupé terminé : tout le monde a reçu sa commande.'
    )
  })

  test('threshold not reached at the deadline: failed, everyone told, nothing owed', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await openCampaign(camille)
    await pledge(lea, id, '120,25')
    await passDeadline(id)
    assert.deepEqual(await new CloseDueCampaigns().execute(), { closed: 0, failed: 1 })
    const row = await campaignRow(id)
    assert.equal(row.status, 'failed')
    assert.isNotNull(row.failed_at)
    assert.isNull(row.final_unit_price_cents)
    const mail = await mailbox.waitFor(lea.email)
    assert.equal(mail.subject, '« Granulés de bois pour l’hiver » : la commande ne se fera pas')
    assert.include(textOf(mail.text), 'n’a réuni que 120,25 kg sur les 500 kg nécessaires')
    const organiserMail = await mailbox.waitFor(camille.email)
    assert.include(organiserMail.subject, 'le seuil n’est pas atteint')
    assert.include(
      textOf(await lea.agent.get(`/group-buys/${id}`)),
      'Le seuil de 500 kg n’a pas été atteint à la date limite'
    )
  })

  test('the organiser cancels with a reason; participants are told it', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { locale: 'en' })
    const id = await openCampaign(camille)
    await pledge(lea, id, '40')

    const noReason = await step(camille, id, 'cancel', { reason: '' })
    assert.equal(noReason.status, 422)
    assert.include(errorsIn(noReason.text), 'Dites aux participants pourquoi vous annulez.')
    assert.equal((await campaignRow(id)).status, 'open')

    const cancelled = await step(camille, id, 'cancel', {
      reason: 'Le fournisseur a doublé ses prix.',
    })
    assert.equal(cancelled.status, 302)
    const row = await campaignRow(id)
    assert.equal(row.status, 'cancelled')
    assert.equal(row.cancel_reason, 'Le fournisseur a doublé ses prix.')
    const mail = await mailbox.waitFor(lea.email)
    assert.equal(mail.subject, '“Granulés de bois pour l’hiver” is cancelled')
    assert.include(textOf(mail.text), 'Their reason: “Le fournisseur a doublé ses prix.”')
    assert.include(
      textOf(await lea.agent.get(`/group-buys/${id}`)),
      'Cancelled by the organiser: “Le fournisseur a doublé ses prix.”'
    )
    /** No more pledges. */
    assert.equal((await pledge(lea, id, '10')).status, 409)
  })

  test('every step the state machine does not allow is refused with a 409 and a message', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(camille)
    for (const from of STATUSES) {
      for (const [to, route] of Object.entries(STEP_ROUTES) as [GroupBuyStatus, string][]) {
        if (TRANSITIONS[from].includes(to)) continue
        await db
          .from('group_buys')
          .where('id', id)
          .update({ status: from, deadline: new Date(Date.now() + 86_400_000) })
        const response = await step(camille, id, route, { reason: 'Une raison suffisante.' })
        assert.equal(response.status, 409, `${from} -> ${to}`)
        assert.match(
          errorsIn(response.text).join(' '),
          /^Impossible : un achat groupé .+ ne peut pas passer à l’état .+\.$/,
          `${from} -> ${to}`
        )
        assert.equal((await campaignRow(id)).status, from, `${from} -> ${to} left it as it was`)
      }
    }
    /** closed and failed have no button at all: only the deadline job leads there. */
    for (const route of ['close', 'fail']) {
      assert.equal((await step(camille, id, route)).status, 404)
    }
  })

  test('each allowed step works once, and only for the organiser', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await openCampaign(camille)
    await db.from('group_buys').where('id', id).update({ status: 'closed' })
    const notTheirs = await step(lea, id, 'confirm')
    assert.equal(notTheirs.status, 403)
    assert.include(
      errorsIn(notTheirs.text),
      'Seul l’organisateur de cet achat groupé peut faire cela.'
    )
    assert.equal((await step(camille, id, 'confirm')).status, 302)
    assert.equal((await step(camille, id, 'confirm')).status, 409)
  })

  test('a draft whose deadline passed cannot open; an open campaign no longer edits', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(camille)
    const edit = await camille.agent.get(`/group-buys/${id}/edit`)
    assert.equal(edit.status, 409)
    assert.include(textOf(edit.text), 'il ne se modifie plus')

    await db
      .from('group_buys')
      .where('id', id)
      .update({ status: 'draft', published_at: null, deadline: new Date(Date.now() - 1000) })
    const late = await step(camille, id, 'open')
    assert.equal(late.status, 409)
    assert.include(errorsIn(late.text).join(' '), 'La date limite est déjà passée')
    assert.equal((await campaignRow(id)).status, 'draft')
  })

  test('pledging after the deadline is refused, even before the job ran', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois', { locale: 'en' })
    const id = await openCampaign(camille, pelletFields())
    assert.equal((await pledge(lea, id, '10')).status, 302)
    await passDeadline(id)
    const late = await pledge(lea, id, '20')
    assert.equal(late.status, 409)
    assert.include(errorsIn(late.text), 'The deadline has passed: pledges are closed.')
    const cancel = await lea.agent.submit(
      `/group-buys/${id}/pledge/cancel`,
      {},
      {
        from: `/group-buys/${id}`,
      }
    )
    assert.equal(cancel.status, 409)
    assert.equal(Number((await campaignRow(id)).total_milli), 10_000)
  })
})
