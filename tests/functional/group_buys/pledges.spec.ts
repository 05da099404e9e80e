import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { openStream, subscribe } from '#tests/helpers/sse'
import { freshStateForEachTest } from '#tests/helpers/state'
import type { CommunityResident } from '#tests/helpers/community'
import {
  CLIGNANCOURT,
  campaignRow,
  draft,
  errorsIn,
  fieldError,
  neighbour,
  openCampaign,
  pelletFields,
  pledge,
  pledgeRows,
  textOf,
} from '#tests/functional/group_buys/support'

function cancelPledge(person: CommunityResident, id: number) {
  return person.agent.submit(`/group-buys/${id}/pledge/cancel`, {}, { from: `/group-buys/${id}` })
}

test.group('Group buys: pledges', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('pledge, change, withdraw: the total follows, the row stays for the record', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await openCampaign(camille)

    const first = await pledge(lea, id, '12,5')
    assert.equal(first.status, 302)
    assert.equal(first.location, `/group-buys/${id}#pledge`)
    assert.equal(Number((await campaignRow(id)).total_milli), 12_500)

    const page = await lea.agent.get(`/group-buys/${id}`)
    assert.include(textOf(page), 'Réservation enregistrée.')
    assert.include(page.text, 'value="12,5"')
    assert.include(textOf(page), 'Votre réservation : 12,5 kg.')
    /** 12,5 kg × 0,35 € = 4,375 € -> 4,38 € (half up). */
    assert.include(textOf(page), 'À régler au prix actuel : 4,38 €.')

    assert.equal((await pledge(lea, id, '0,333')).status, 302)
    assert.equal(Number((await campaignRow(id)).total_milli), 333)
    assert.include(textOf(await lea.agent.get(`/group-buys/${id}`)), 'Réservation modifiée.')

    assert.equal((await cancelPledge(lea, id)).status, 302)
    assert.equal(Number((await campaignRow(id)).total_milli), 0)
    const rows = await pledgeRows(id)
    assert.lengthOf(rows, 1)
    assert.isNotNull(rows[0].cancelled_at)
    const again = await cancelPledge(lea, id)
    assert.equal(again.status, 409)
    assert.include(errorsIn(again.text), 'Vous n’avez pas de réservation sur cet achat groupé.')

    /** Pledging again revives the same row. */
    assert.equal((await pledge(lea, id, '7')).status, 302)
    const revived = await pledgeRows(id)
    assert.lengthOf(revived, 1)
    assert.isNull(revived[0].cancelled_at)
    assert.equal(Number((await campaignRow(id)).total_milli), 7_000)
  })

  test('bad quantities are refused beside the field, in French and English', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const id = await openCampaign(camille)
    for (const [quantity, message] of [
      ['', 'Indiquez la quantité que vous réservez, par exemple 12,5.'],
      [
        'beaucoup',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
      ['0', 'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).'],
      ['-3', 'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).'],
      [
        '1,0005',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
      [
        '99999999999999',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
    ]) {
      const response = await pledge(lea, id, quantity)
      assert.equal(response.status, 422, quantity)
      assert.equal(fieldError(response.text, 'quantity'), message, quantity)
    }
    const english = await pledge(hugo, id, 'lots')
    assert.equal(english.status, 422)
    assert.equal(
      fieldError(english.text, 'quantity'),
      'Enter a positive quantity, for example 500 or 12.5 (three decimals at most).'
    )
    assert.lengthOf(await pledgeRows(id), 0)
    assert.equal(Number((await campaignRow(id)).total_milli), 0)
  })

  test('the maximum and the per-household limit, with what is left', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(
      camille,
      pelletFields({
        min_quantity: '50',
        max_quantity: '100',
        household_max: '30',
        tier_quantity_1: '',
        tier_price_1: '',
        tier_quantity_2: '',
        tier_price_2: '',
      })
    )
    /** Léa and Hugo share a flat; Nina lives elsewhere. */
    const address = '14 rue Linné, 75005 Paris'
    const lea = await neighbour('Léa Dubois', { address })
    const hugo = await neighbour('Hugo Petit', { address: '14, Rue  LINNÉ 75005 paris' })
    const nina = await neighbour('Nina Roux')

    assert.equal((await pledge(lea, id, '20')).status, 302)
    const overHousehold = await pledge(hugo, id, '15')
    assert.equal(overHousehold.status, 422)
    assert.equal(
      textOf(fieldError(overHousehold.text, 'quantity')!),
      'Votre foyer ne peut pas dépasser 30 kg ; il vous reste 10 kg.'
    )
    assert.equal((await pledge(hugo, id, '10')).status, 302)
    /** Léa may change her own pledge within what the household has left. */
    assert.equal((await pledge(lea, id, '21')).status, 422)
    assert.equal((await pledge(lea, id, '15')).status, 302)
    const keys = (await pledgeRows(id)).map((row) => row.household_key)
    assert.equal(keys[0], keys[1])
    assert.lengthOf(keys[0], 64)

    assert.equal((await pledge(nina, id, '30')).status, 302)
    for (const [index, quantity] of ['30', '15'].entries()) {
      const other = await neighbour(`Voisin${index} Test`)
      assert.equal((await pledge(other, id, quantity)).status, 302)
    }
    /** 15 + 10 + 30 + 30 + 15 = 100: full. */
    assert.equal(Number((await campaignRow(id)).total_milli), 100_000)
    const late = await neighbour('Omar Said')
    const full = await pledge(late, id, '1')
    assert.equal(full.status, 422)
    assert.equal(
      fieldError(full.text, 'quantity'),
      'Il ne reste plus rien : la quantité maximum est atteinte.'
    )

    /** Nina frees 5 kg; 6 is too many, in English too. */
    assert.equal((await pledge(nina, id, '25')).status, 302)
    const english = await neighbour('Hugo English', { locale: 'en' })
    const over = await pledge(english, id, '6')
    assert.equal(
      textOf(fieldError(over.text, 'quantity')!),
      'Only 5 kg left: pledge at most that much.'
    )
    assert.equal((await pledge(english, id, '5')).status, 302)
    assert.equal(Number((await campaignRow(id)).total_milli), 100_000)
  })

  test('30 neighbours racing for the last units never exceed the maximum', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(
      camille,
      pelletFields({
        min_quantity: '50',
        max_quantity: '100',
        tier_quantity_1: '',
        tier_price_1: '',
        tier_quantity_2: '',
        tier_price_2: '',
      })
    )
    const early = await neighbour('Léa Dubois')
    assert.equal((await pledge(early, id, '90')).status, 302)

    const racers: CommunityResident[] = []
    for (let index = 0; index < 30; index++) {
      /** Every test resident signs in from one address: the login limit would stop the 26th. */
      if (index % 20 === 0) await db.from('rate_limits').delete()
      const racer = await neighbour(`Coureur${index} Test`)
      assert.equal((await racer.agent.get(`/group-buys/${id}`)).status, 200)
      racers.push(racer)
    }
    /** 10 kg left, 3 kg each: three get theirs, 1 kg stays, 27 are told what is left. */
    const responses = await Promise.all(
      racers.map((racer) => racer.agent.submit(`/group-buys/${id}/pledge`, { quantity: '3' }))
    )
    const statuses = responses.map((response) => response.status)
    assert.equal(statuses.filter((status) => status === 302).length, 3)
    assert.equal(statuses.filter((status) => status === 422).length, 27)
    for (const response of responses.filter((r) => r.status === 422)) {
      assert.equal(
        textOf(fieldError(response.text, 'quantity')!),
        'Il ne reste que 1 kg : réservez au plus cette quantité.'
      )
    }
    const row = await campaignRow(id)
    assert.equal(Number(row.total_milli), 99_000)
    const active = (await pledgeRows(id)).filter((pledgeRow) => pledgeRow.cancelled_at === null)
    assert.lengthOf(active, 4)
    assert.equal(
      active.reduce((sum, pledgeRow) => sum + Number(pledgeRow.quantity_milli), 0),
      99_000
    )
  }).timeout(120_000)

  test('unverified residents are told how to take part; drafts take no pledges', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const omar = await neighbour('Omar Said', { verified: false })
    const id = await openCampaign(camille)
    const page = await omar.agent.get(`/group-buys/${id}`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'id="verify-to-pledge"')
    assert.notInclude(page.text, 'id="pledge-form"')
    const refused = await omar.agent.submit(`/group-buys/${id}/pledge`, { quantity: '10' })
    assert.equal(refused.status, 403)
    assert.lengthOf(await pledgeRows(id), 0)

    /** The organiser's own draft: not open yet. */
    const drafted = await draft(camille.agent)
    const early = await pledge(camille, drafted, '10')
    assert.equal(early.status, 409)
    assert.include(
      errorsIn(early.text),
      'Les réservations sont fermées : cet achat groupé est brouillon.'
    )
  })
})

test.group('Group buys: live totals', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('open pages hear the new totals (no names), then fetch their panel again', async ({
    assert,
    cleanup,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await openCampaign(camille)
    await lea.agent.get(`/group-buys/${id}`)
    const uid = randomUUID()
    const stream = await openStream(lea.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(lea.agent, uid, `group_buys/${id}`)).status, 204)

    const hugo = await neighbour('Hugo Petit')
    await pledge(hugo, id, '1000')
    const event = await stream.nextData()
    assert.equal(event.channel, `group_buys/${id}`)
    assert.deepEqual(event.payload, {
      kind: 'group_buy.progress',
      status: 'open',
      totalMilli: 1_000_000,
      minTotalMilli: 500_000,
      unitPriceCents: 32,
    })
    assert.notInclude(JSON.stringify(event), 'Hugo')

    const panel = await lea.agent.get(`/group-buys/${id}/progress`)
    assert.equal(panel.status, 200)
    assert.notInclude(panel.text, '<html')
    assert.include(textOf(panel), '1 000 kg réservés sur les 500 kg nécessaires (100 %).')
    assert.include(textOf(panel), 'Prix actuel : 0,32 € le kg')
    assert.include(
      textOf(panel),
      'Prochain palier : 0,29 € à partir de 3 000 kg ; il manque 2 000 kg.'
    )
    assert.include(panel.text, 'id="threshold-reached"')
    assert.notInclude(panel.text, 'Hugo')
  })

  test('a participant hears each milestone on their own live channel', async ({
    assert,
    cleanup,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const id = await openCampaign(camille)
    await pledge(lea, id, '100')
    const uid = randomUUID()
    const stream = await openStream(lea.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(lea.agent, uid, `users/${lea.id}/inbox`)).status, 204)
    await camille.agent.submit(
      `/group-buys/${id}/cancel`,
      { reason: 'Le fournisseur ne livre plus.' },
      { from: `/group-buys/${id}` }
    )
    const event = await stream.nextData()
    assert.equal(event.payload.kind, 'group_buy')
    assert.equal(event.payload.status, 'cancelled')
    assert.equal(
      event.payload.text,
      'Achat groupé « Granulés de bois pour l’hiver » : l’organisateur l’a annulé.'
    )
    await mailbox.waitFor(lea.email)
  })

  test('someone who may not see the campaign may not listen to it', async ({ assert, cleanup }) => {
    const camille = await neighbour('Camille Martin')
    const id = await openCampaign(camille)
    const drafted = await draft(camille.agent)
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    const lea = await neighbour('Léa Dubois')
    for (const [someone, channel] of [
      [karim, `group_buys/${id}`],
      [lea, `group_buys/${drafted}`],
      [lea, 'group_buys/999999999999999999999'],
    ] as const) {
      await someone.agent.get('/feed')
      const uid = randomUUID()
      const stream = await openStream(someone.agent, uid)
      cleanup(() => stream.close())
      assert.equal((await subscribe(someone.agent, uid, channel)).status, 400, channel)
    }
  })
})
