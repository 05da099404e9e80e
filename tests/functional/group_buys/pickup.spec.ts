import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { Agent } from '#tests/helpers/agent'
import { PLACES, verifiedResident, type CommunityResident } from '#tests/helpers/community'
import { signedInOperator } from '#tests/helpers/documents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { moveTo, pelletsCampaign, pelletsWithNeighbours, pledgeOf } from '#tests/helpers/group_buys'
import { freshStateForEachTest } from '#tests/helpers/state'

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&#x27;', "'")

const pickupPath = (campaign: GroupBuy) => `/group-buys/${campaign.id}/pickup`

async function pledgeIdOf(campaign: GroupBuy, person: CommunityResident): Promise<number> {
  const row = await db
    .from('group_buy_pledges')
    .where({ group_buy_id: campaign.id, user_id: person.id })
    .firstOrFail()
  return Number(row.id)
}

async function pledgeRow(pledgeId: number) {
  return db.from('group_buy_pledges').where('id', pledgeId).firstOrFail()
}

/** Presses a tick button of the pickup list, as the form posts it. */
function tick(
  organiser: CommunityResident,
  campaign: GroupBuy,
  pledgeId: number,
  fields: Record<string, string | undefined>
) {
  return organiser.agent.submit(`${pickupPath(campaign)}/${pledgeId}`, fields, {
    from: pickupPath(campaign),
  })
}

/** A participant's row of the list, tags and spaces flattened. */
function lineOf(page: string, pledgeId: number): string {
  const match = page.match(new RegExp(`<tr id="pledge-${pledgeId}">([\\s\\S]*?)</tr>`))
  if (!match) throw new Error(`no line for pledge ${pledgeId}`)
  return plain(match[1])
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function totalsOf(page: string): string {
  return plain(page.match(/<p class="panel" id="pickup-totals"[^>]*>([\s\S]*?)<\/p>/)![1])
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

test.group('Group buys: the pickup list', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the organiser sees what each participant owes and ticks collected and paid, with running totals', async ({
    assert,
  }) => {
    const { sophie, camille, lea, karim, campaign } = await pelletsWithNeighbours({
      status: 'confirmed',
    })
    const [camilleId, leaId, karimId] = await Promise.all(
      [camille, lea, karim].map((person) => pledgeIdOf(campaign, person))
    )

    const first = await sophie.agent.get(pickupPath(campaign))
    assert.equal(first.status, 200)
    const page = plain(first.text)
    assert.include(page, 'Liste de retrait : Granulés de bois pour cet hiver')
    assert.include(page, 'Prix unitaire final : 0,37 € le kg')
    /** Per participant, not per household: 450.5 kg × 0.37 = 166.685 -> 166.69 € (half up). */
    assert.equal(
      lineOf(first.text, camilleId),
      'Camille Martin rue Linné 450,5 kg 166,69 € Non Noter le retrait Non Noter le paiement'
    )
    /** 300.25 kg × 0.37 = 111.0925 -> 111.09 €. */
    assert.include(lineOf(first.text, leaId), 'Léa Dubois')
    assert.include(lineOf(first.text, leaId), '300,25 kg 111,09 €')
    assert.include(lineOf(first.text, karimId), '200,5 kg 74,19 €')
    assert.notInclude(page, 'Paul Roux')
    assert.equal(
      totalsOf(first.text),
      'Retraits : 0 sur 4 Paiements : 0 sur 4, soit 0,00 € reçus sur 388,97 €'
    )
    assert.include(page, 'aria-label="Noter le retrait : Camille Martin"')
    /** Alphabetical, to find a name quickly. */
    const order = ['Camille Martin', 'Karim Benali', 'Léa Dubois', 'Nadia Haddad'].map((name) =>
      page.indexOf(`<th scope="row">${name}</th>`)
    )
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order
    )

    const collected = await tick(sophie, campaign, camilleId, {
      pickup_mark: 'collected',
      pickup_done: '1',
    })
    assert.equal(collected.status, 302)
    assert.equal(collected.location, `${pickupPath(campaign)}#pledge-${camilleId}`)
    const afterCollect = await sophie.agent.get(pickupPath(campaign))
    assert.include(plain(afterCollect.text), 'Camille Martin : retrait noté.')
    assert.include(
      lineOf(afterCollect.text, camilleId),
      'Oui Annuler le retrait Non Noter le paiement'
    )
    const collectedAt = (await pledgeRow(camilleId)).collected_at
    assert.isNotNull(collectedAt)
    assert.isNull((await pledgeRow(camilleId)).paid_at)

    await tick(sophie, campaign, camilleId, { pickup_mark: 'paid', pickup_done: '1' })
    await tick(sophie, campaign, karimId, { pickup_mark: 'paid', pickup_done: 'true' })
    /** Ticking again keeps the first time. */
    await tick(sophie, campaign, camilleId, { pickup_mark: 'collected', pickup_done: '1' })
    assert.deepEqual((await pledgeRow(camilleId)).collected_at, collectedAt)
    assert.equal(
      totalsOf((await sophie.agent.get(pickupPath(campaign))).text),
      'Retraits : 1 sur 4 Paiements : 2 sur 4, soit 240,88 € reçus sur 388,97 €'
    )

    /** Unticking, in the delivered state too. */
    await moveTo(campaign, 'delivered')
    const unpaid = await tick(sophie, campaign, camilleId, {
      pickup_mark: 'paid',
      pickup_done: '0',
    })
    assert.equal(unpaid.status, 302)
    assert.isNull((await pledgeRow(camilleId)).paid_at)
    assert.isNotNull((await pledgeRow(camilleId)).collected_at)
    const last = await sophie.agent.get(pickupPath(campaign))
    assert.include(plain(last.text), 'Camille Martin : paiement annulé.')
    assert.equal(
      totalsOf(last.text),
      'Retraits : 1 sur 4 Paiements : 1 sur 4, soit 74,19 € reçus sur 388,97 €'
    )
    assert.isNotNull((await pledgeRow(karimId)).paid_at)
    assert.isNull((await pledgeRow(leaId)).paid_at)
  })

  test('only the organiser: participants, neighbours, other quartiers and operators get 404, guests go to log in', async ({
    assert,
  }) => {
    const { sophie, camille, karim, campaign, paulPledge } = await pelletsWithNeighbours({
      status: 'confirmed',
    })
    const karimId = await pledgeIdOf(campaign, karim)
    const neighbour = await verifiedResident('voisine@example.org')
    const faraway = await verifiedResident('loin@example.org', { at: PLACES.clignancourt })
    const operator = await signedInOperator()

    for (const outsider of [camille, neighbour, faraway, operator]) {
      const page = await outsider.agent.get(pickupPath(campaign))
      assert.equal(page.status, 404, `${outsider.email} reads`)
      assert.notInclude(page.text, 'Granulés')
      const posted = await outsider.agent.submit(
        `${pickupPath(campaign)}/${karimId}`,
        { pickup_mark: 'paid', pickup_done: '1' },
        { from: '/' }
      )
      assert.equal(posted.status, 404, `${outsider.email} ticks`)
    }
    const guest = new Agent()
    assert.equal((await guest.get(pickupPath(campaign))).location, '/login')
    const guestPost = await guest.submit(
      `${pickupPath(campaign)}/${karimId}`,
      { pickup_mark: 'paid', pickup_done: '1' },
      { from: '/login' }
    )
    assert.equal(guestPost.status, 302)
    assert.equal(guestPost.location, '/login')

    /** A pledge of another campaign, or a cancelled one, is not on this list. */
    const other = await pelletsCampaign(sophie, { status: 'open' })
    const otherPledge = await pledgeOf(other, camille, 10_000)
    await moveTo(other, 'confirmed')
    for (const pledgeId of [otherPledge.id, paulPledge.id, 999999]) {
      const response = await tick(sophie, campaign, pledgeId, {
        pickup_mark: 'collected',
        pickup_done: '1',
      })
      assert.equal(response.status, 404, `pledge ${pledgeId}`)
    }
    assert.equal((await sophie.agent.get('/group-buys/999999/pickup')).status, 404)
    assert.lengthOf(await db.from('group_buy_pledges').whereNotNull('paid_at'), 0)
    assert.lengthOf(await db.from('group_buy_pledges').whereNotNull('collected_at'), 0)
  })

  test('ticks only while the order is confirmed or delivered; the list is readable from closing on', async ({
    assert,
  }) => {
    const { sophie, karim, campaign } = await pelletsWithNeighbours({ status: 'open' })
    const karimId = await pledgeIdOf(campaign, karim)
    const press = () => tick(sophie, campaign, karimId, { pickup_mark: 'paid', pickup_done: '1' })

    /** Open: no list yet. */
    const open = await sophie.agent.get(pickupPath(campaign))
    assert.equal(open.status, 409)
    assert.include(
      plain(open.text),
      "La liste de retrait sera prête à la clôture de la campagne. La campagne est pour l'instant « ouverte »."
    )
    await sophie.agent.get('/')
    const openTick = await sophie.agent.submit(
      `${pickupPath(campaign)}/${karimId}`,
      { pickup_mark: 'paid', pickup_done: '1' },
      { csrf: true }
    )
    assert.equal(openTick.status, 409)

    /** Closed: the list, read only, saying when ticks open. */
    await moveTo(campaign, 'closed')
    const closed = await sophie.agent.get(pickupPath(campaign))
    assert.equal(closed.status, 200)
    assert.include(
      plain(closed.text),
      'Vous pourrez cocher les retraits et les paiements une fois la commande confirmée avec le fournisseur (la campagne est « clôturée »).'
    )
    assert.include(lineOf(closed.text, karimId), '74,19 €')
    assert.notInclude(closed.text, 'name="pickup_mark"')
    const closedTick = await press()
    assert.equal(closedTick.status, 409)
    assert.include(
      plain(closedTick.text),
      "Vous pourrez cocher les retraits et les paiements une fois la commande confirmée avec le fournisseur. La campagne est pour l'instant « clôturée »."
    )

    /** Completed: kept as it is. */
    await moveTo(campaign, 'completed')
    const completed = await sophie.agent.get(pickupPath(campaign))
    assert.equal(completed.status, 200)
    assert.include(
      plain(completed.text),
      'La campagne est terminée : la liste de retrait est gardée telle quelle.'
    )
    assert.notInclude(completed.text, 'name="pickup_mark"')
    const completedTick = await press()
    assert.equal(completedTick.status, 409)
    assert.include(
      plain(completedTick.text),
      'La campagne est terminée : la liste de retrait ne se modifie plus.'
    )

    /** Cancelled or failed: there is nothing to hand out. */
    for (const [status, word] of [
      ['cancelled', 'annulée'],
      ['failed', 'non aboutie'],
    ] as const) {
      await moveTo(campaign, status)
      const page = await sophie.agent.get(pickupPath(campaign))
      assert.equal(page.status, 409)
      assert.include(plain(page.text), `Cette campagne est « ${word} » : il n'y a pas de commande.`)
      const refused = await sophie.agent.submit(
        `${pickupPath(campaign)}/${karimId}`,
        { pickup_mark: 'paid', pickup_done: '1' },
        { from: '/' }
      )
      assert.equal(refused.status, 409)
    }
    assert.isNull((await pledgeRow(karimId)).paid_at)
  })

  test('bad input on the tick form is refused with a message, and nothing is written', async ({
    assert,
  }) => {
    const { sophie, karim, campaign } = await pelletsWithNeighbours({ status: 'confirmed' })
    const karimId = await pledgeIdOf(campaign, karim)

    const cases: [Record<string, string | undefined>, string][] = [
      [
        { pickup_mark: 'eaten', pickup_done: '1' },
        'Choisissez une case proposée : retrait ou paiement.',
      ],
      [{ pickup_done: '1' }, 'Indiquez quelle case cocher : retrait ou paiement.'],
      [{ pickup_mark: 'paid' }, 'Indiquez si la case doit être cochée ou décochée.'],
      [
        { pickup_mark: 'collected', pickup_done: 'peut-être' },
        'Indiquez si la case doit être cochée ou décochée.',
      ],
    ]
    for (const [fields, message] of cases) {
      const response = await tick(sophie, campaign, karimId, fields)
      assert.equal(response.status, 422, JSON.stringify(fields))
      assert.include(plain(response.text), message)
      /** The list comes back with the message. */
      assert.include(response.text, 'id="pickup-list"')
    }

    const withoutToken = await sophie.agent.submit(
      `${pickupPath(campaign)}/${karimId}`,
      { pickup_mark: 'paid', pickup_done: '1' },
      { csrf: false }
    )
    assert.equal(withoutToken.status, 403)
    const notANumber = await sophie.agent.submit(
      `${pickupPath(campaign)}/abc`,
      { pickup_mark: 'paid', pickup_done: '1' },
      { from: pickupPath(campaign) }
    )
    assert.equal(notANumber.status, 404)
    const huge = await tick(sophie, campaign, Number('99999999999999999999'), {
      pickup_mark: 'paid',
      pickup_done: '1',
    })
    assert.equal(huge.status, 404)

    const row = await pledgeRow(karimId)
    assert.isNull(row.paid_at)
    assert.isNull(row.collected_at)
  })
})
