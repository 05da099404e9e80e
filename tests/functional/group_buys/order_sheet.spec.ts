import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { Agent } from '#tests/helpers/agent'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { signedInOperator } from '#tests/helpers/documents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import {
  download,
  moveTo,
  parseCsv,
  pelletsCampaign,
  pelletsWithNeighbours,
  pledgeOf,
} from '#tests/helpers/group_buys'
import { freshStateForEachTest } from '#tests/helpers/state'

/** Intl writes "1 051,25 kg" and "388,96 €" with narrow and plain no-break spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

const sheetPath = (campaign: GroupBuy) => `/group-buys/${campaign.id}/order-sheet`
const csvPath = (campaign: GroupBuy) => `/group-buys/${campaign.id}/order-sheet/csv`

/** The CSV's summary rows (label -> value) and its table (after the empty line). */
function sections(rows: string[][]) {
  const blank = rows.findIndex((row) => row.length === 1 && row[0] === '')
  return {
    summary: new Map(rows.slice(0, blank).map(([label, value]) => [label, value])),
    header: rows[blank + 1],
    body: rows.slice(blank + 2),
  }
}

test.group('Group buys: the supplier order sheet', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the CSV has one row per household, the tier reached, the final unit price and the totals', async ({
    assert,
  }) => {
    const { sophie, campaign } = await pelletsWithNeighbours()

    const response = await download(sophie.agent, csvPath(campaign))
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8')
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="bon-de-commande-${campaign.id}.csv"`
    )
    assert.equal(response.headers.get('cache-control'), 'no-store')
    assert.deepEqual([...response.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark')
    assert.include(response.text, '\r\n')

    const { summary, header, body } = sections(parseCsv(response.text))
    assert.equal(summary.get('Campagne'), 'Granulés de bois pour cet hiver')
    assert.equal(summary.get('Produit'), 'Granulés de bois certifiés DIN+')
    assert.equal(summary.get('Fournisseur'), 'Bois Énergie Île-de-France')
    assert.equal(summary.get('Organisé par'), 'Sophie Bernard')
    assert.equal(summary.get('Lieu de retrait'), 'Cour de l’école, 12 rue Linné')
    assert.equal(summary.get('État de la campagne'), 'clôturée')
    assert.match(summary.get('Palier atteint')!, /^à partir de 1\s000 kg$/u)
    assert.equal(summary.get('Prix unitaire en € (le kg)'), '0,37')
    assert.equal(summary.get('Quantité (kg)'), '1051,25')
    assert.equal(summary.get('Montant en €'), '388,96')

    assert.deepEqual(header, [
      'N°',
      'Participants',
      'Rue',
      'Quantité (kg)',
      'Prix unitaire en € (le kg)',
      'Montant en €',
    ])
    /** By street: Cuvier, Jussieu, Linné; Camille and Léa are one household (one address). */
    assert.deepEqual(body, [
      ['1', 'Karim Benali', 'rue Cuvier', '200,5', '0,37', '74,19'],
      ['2', 'Nadia Haddad', 'rue Jussieu', '100', '0,37', '37,00'],
      ['3', 'Camille Martin, Léa Dubois', 'rue Linné', '750,75', '0,37', '277,78'],
      ['Total', '3 foyers, 4 participants', '', '1051,25', '0,37', '388,96'],
      ['Somme des parts des foyers en €', '', '', '', '', '388,97'],
    ])
    assert.notInclude(response.text, 'Paul Roux', 'a cancelled pledge is not ordered')
  })

  test('the printable page shows the same figures, its links hidden from print', async ({
    assert,
  }) => {
    const { sophie, campaign } = await pelletsWithNeighbours()

    const response = await sophie.agent.get(sheetPath(campaign))
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('cache-control'), 'no-store')
    const page = plain(response.text)
    assert.include(page, 'Bon de commande : Granulés de bois pour cet hiver')
    assert.match(page, /<div class="print-hidden">[\s\S]*order-sheet\/csv/)
    assert.include(page, `href="/group-buys/${campaign.id}/pickup"`)
    assert.match(page, /id="order-sheet-tier">à partir de 1 000 kg</)
    assert.include(page, 'id="order-sheet-unit-price">0,37 € le kg<')
    assert.include(page, 'id="order-sheet-total-quantity">1 051,25 kg<')
    assert.include(page, 'id="order-sheet-total-amount">388,96 €<')
    const household = (number: number) =>
      page
        .match(new RegExp(`<tr id="household-${number}">([\\s\\S]*?)</tr>`))![1]
        .replace(/\s+/g, ' ')
    assert.include(household(1), '<td>Karim Benali</td> <td>rue Cuvier</td> <td>200,5 kg</td>')
    assert.include(household(1), '<td>74,19 €</td>')
    assert.include(household(3), 'Camille Martin, Léa Dubois')
    assert.include(household(3), '<td>750,75 kg</td> <td>277,78 €</td>')
    assert.include(page, '3 foyers, 4 participants')
    assert.include(page, 'les parts font ensemble 388,97 €, pour un montant total de 388,96 €')
    assert.notInclude(page, 'Paul Roux')
    /** No inline style: the strict CSP would block it (printing relies on classes). */
    assert.notInclude(response.text, 'style=')
  })

  test('the unit price fixed at closing wins over the tiers; below every tier the base price applies', async ({
    assert,
  }) => {
    const { sophie, campaign } = await pelletsWithNeighbours({
      attributes: { finalUnitPriceCents: 35 },
    })
    const fixed = sections(parseCsv((await download(sophie.agent, csvPath(campaign))).text))
    assert.equal(fixed.summary.get('Prix unitaire en € (le kg)'), '0,35')
    /** 200.5 kg × 0.35 = 70.175 -> 70.18 €; 1 051.25 × 0.35 = 367.9375 -> 367.94 €. */
    assert.deepEqual(fixed.body[0], ['1', 'Karim Benali', 'rue Cuvier', '200,5', '0,35', '70,18'])
    assert.deepEqual(fixed.body[3].slice(3), ['1051,25', '0,35', '367,94'])

    const small = await pelletsCampaign(sophie, { status: 'open' })
    const marc = await verifiedResident('marc@example.org', { displayName: 'Marc Petit' })
    await pledgeOf(small, marc, 600_333)
    await moveTo(small, 'closed')
    const base = sections(parseCsv((await download(sophie.agent, csvPath(small))).text))
    assert.equal(base.summary.get('Palier atteint'), 'aucun palier, prix de base')
    /** 600.333 kg × 0.41 = 246.13653 -> 246.14 €. */
    assert.equal(base.summary.get('Prix unitaire en € (le kg)'), '0,41')
    assert.deepEqual(base.body[0].slice(3), ['600,333', '0,41', '246,14'])
    assert.lengthOf(base.body, 2, 'one household and the total: shares and total agree')
  })

  test('cells a spreadsheet would run as formulas are defused', async ({ assert }) => {
    const { sophie, campaign } = await pelletsWithNeighbours({
      nadiaName: '-Nadia Haddad',
      attributes: {
        title: '=HYPERLINK("http://evil.example";"Granulés")',
        supplierName: '+33 Bois Énergie',
        supplierContact: '@bois-energie',
      },
    })
    const response = await download(sophie.agent, csvPath(campaign))
    assert.include(response.text, `"'=HYPERLINK(""http://evil.example"";""Granulés"")"`)
    const { summary, body } = sections(parseCsv(response.text))
    assert.equal(summary.get('Campagne'), `'=HYPERLINK("http://evil.example";"Granulés")`)
    assert.equal(summary.get('Fournisseur'), "'+33 Bois Énergie")
    assert.equal(summary.get('Contact du fournisseur'), "'@bois-energie")
    assert.deepEqual(body[1].slice(0, 3), ['2', "'-Nadia Haddad", 'rue Jussieu'])
  })

  test('in English: English headings and decimal points, still `;` between cells', async ({
    assert,
  }) => {
    const sophie = await verifiedResident('sophie@example.org', {
      displayName: 'Sophie Bernard',
      locale: 'en',
    })
    const karim = await verifiedResident('karim@example.org', {
      displayName: 'Karim Benali',
      addressLabel: '3 rue Cuvier, 75005 Paris',
    })
    const campaign = await pelletsCampaign(sophie, { status: 'open' })
    await pledgeOf(campaign, karim, 1_200_500)
    await moveTo(campaign, 'confirmed')

    const response = await download(sophie.agent, csvPath(campaign))
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="order-sheet-${campaign.id}.csv"`
    )
    const { summary, header, body } = sections(parseCsv(response.text))
    assert.equal(summary.get('Group buy'), 'Granulés de bois pour cet hiver')
    assert.equal(summary.get('Group buy status'), 'confirmed')
    assert.equal(summary.get('Price tier reached'), 'from 1,000 kg')
    assert.equal(summary.get('Unit price in € (per kg)'), '0.37')
    assert.equal(header[3], 'Quantity (kg)')
    /** 1 200.5 kg × 0.37 = 444.185 -> 444.19 €. */
    assert.deepEqual(body, [
      ['1', 'Karim Benali', 'rue Cuvier', '1200.5', '0.37', '444.19'],
      ['Total', '1 household, 1 participant', '', '1200.5', '0.37', '444.19'],
    ])
  })

  test('only the organiser and operators see it: participants, neighbours and other quartiers get 404, guests go to log in', async ({
    assert,
  }) => {
    const { campaign, camille } = await pelletsWithNeighbours()
    const neighbour = await verifiedResident('voisine@example.org')
    const faraway = await verifiedResident('loin@example.org', { at: PLACES.clignancourt })
    const operator = await signedInOperator()

    for (const path of [sheetPath(campaign), csvPath(campaign)]) {
      for (const outsider of [camille, neighbour, faraway]) {
        const response = await outsider.agent.get(path)
        assert.equal(response.status, 404, `${outsider.email} on ${path}`)
        assert.notInclude(response.text, 'Granulés')
      }
      assert.equal((await operator.agent.get(path)).status, 200, `operator on ${path}`)
      const guest = await new Agent().get(path)
      assert.equal(guest.status, 302)
      assert.equal(guest.location, '/login')
    }
    assert.equal((await camille.agent.get('/group-buys/999999/order-sheet')).status, 404)
    assert.equal(
      (await camille.agent.get('/group-buys/99999999999999999999/order-sheet')).status,
      404
    )
  })

  test('before closing, or for a failed or cancelled campaign, there is no sheet: 409 saying why', async ({
    assert,
  }) => {
    const { sophie, campaign } = await pelletsWithNeighbours({ status: 'open' })

    for (const path of [sheetPath(campaign), csvPath(campaign)]) {
      const response = await sophie.agent.get(path)
      assert.equal(response.status, 409)
      assert.include(response.headers.get('content-type')!, 'text/html')
      assert.include(
        response.text,
        'Le bon de commande sera prêt à la clôture de la campagne, quand plus personne ne peut modifier sa participation. La campagne est pour l&#x27;instant « ouverte ».'
      )
    }

    await moveTo(campaign, 'draft')
    assert.include((await sophie.agent.get(sheetPath(campaign))).text, '« brouillon »')
    for (const [status, word] of [
      ['failed', 'non aboutie'],
      ['cancelled', 'annulée'],
    ] as const) {
      await moveTo(campaign, status)
      const response = await download(sophie.agent, csvPath(campaign))
      assert.equal(response.status, 409)
      assert.include(
        response.text,
        `Cette campagne est « ${word} » : il n&#x27;y a pas de commande.`
      )
    }
    for (const status of ['closed', 'confirmed', 'delivered', 'completed'] as const) {
      await moveTo(campaign, status)
      assert.equal((await download(sophie.agent, csvPath(campaign))).status, 200, status)
      assert.equal((await sophie.agent.get(sheetPath(campaign))).status, 200, status)
    }
    assert.lengthOf(await db.from('group_buy_pledges').whereNull('cancelled_at'), 4)
  })
})
