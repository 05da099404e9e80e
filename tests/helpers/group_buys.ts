/*
| Group buys written straight into the tables (the way the module's own
| actions leave them), for the order sheet and pickup list tests: a
| campaign of an organiser with price tiers, pledges from residents (the
| household key worked out from their home as the module does), and a
| CSV reader to parse the supplier's file back.
*/
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import GroupBuyTier from '#modules/group_buys/models/group_buy_tier'
import { householdKey } from '#modules/group_buys/services/household'
import type { GroupBuyStatus } from '#modules/group_buys/services/settings'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident } from '#tests/helpers/community'

export const GROUP_BUY_TABLES = ['group_buys', 'group_buy_tiers', 'group_buy_pledges']

/** When each state is reached, as the state machine stamps it. */
const STAMPS: Partial<Record<GroupBuyStatus, (keyof GroupBuy)[]>> = {
  open: ['publishedAt'],
  closed: ['publishedAt', 'closedAt'],
  confirmed: ['publishedAt', 'closedAt', 'confirmedAt'],
  delivered: ['publishedAt', 'closedAt', 'confirmedAt', 'deliveredAt'],
  completed: ['publishedAt', 'closedAt', 'confirmedAt', 'deliveredAt', 'completedAt'],
  failed: ['publishedAt', 'failedAt'],
  cancelled: ['publishedAt', 'cancelledAt'],
}

/**
 * A wood pellets campaign of `organiser` in their neighbourhood, in
 * `status` (closed unless told): 0.41 €/kg, 0.37 €/kg from 1 000 kg and
 * 0.33 €/kg from 3 000 kg, at least 500 kg, deadline passed unless open.
 */
export async function pelletsCampaign(
  organiser: CommunityResident,
  options: {
    status?: GroupBuyStatus
    tiers?: { minTotalMilli: number; unitPriceCents: number }[]
    attributes?: Partial<GroupBuy>
  } = {}
): Promise<GroupBuy> {
  const status = options.status ?? 'closed'
  const now = DateTime.now()
  const stamps = Object.fromEntries(
    (STAMPS[status] ?? []).map((column) => [column, now.minus({ hours: 1 })])
  )
  const campaign = await GroupBuy.create({
    organiserId: organiser.id,
    title: 'Granulés de bois pour cet hiver',
    product: 'Granulés de bois certifiés DIN+',
    description: 'Commande groupée de granulés en sacs de 15 kg.',
    unit: 'kg',
    supplierName: 'Bois Énergie Île-de-France',
    supplierContact: 'commandes@bois-energie.example · 01 23 45 67 89',
    baseUnitPriceCents: 41,
    minTotalMilli: 500_000,
    maxTotalMilli: null,
    householdMaxMilli: null,
    deadline:
      status === 'open' || status === 'draft' ? now.plus({ days: 7 }) : now.minus({ hours: 2 }),
    fulfilment: 'pickup',
    placeLabel: 'Cour de l’école, 12 rue Linné',
    windowStartsOn: now.plus({ days: 10 }).toISODate()!,
    windowEndsOn: now.plus({ days: 12 }).toISODate()!,
    scope: 'neighbourhood',
    neighbourhoodId: organiser.neighbourhoodId!,
    townId: organiser.townId!,
    organiserStreet: 'rue Linné',
    status,
    totalMilli: 0,
    ...stamps,
    ...options.attributes,
  })
  const tiers = options.tiers ?? [
    { minTotalMilli: 1_000_000, unitPriceCents: 37 },
    { minTotalMilli: 3_000_000, unitPriceCents: 33 },
  ]
  for (const tier of tiers) await GroupBuyTier.create({ groupBuyId: campaign.id, ...tier })
  return campaign
}

/**
 * `resident`'s pledge of `quantityMilli` (cancelled when told), keeping
 * the campaign's total in step like a real pledge.
 */
export async function pledgeOf(
  campaign: GroupBuy,
  resident: CommunityResident,
  quantityMilli: number,
  options: { cancelled?: boolean } = {}
): Promise<GroupBuyPledge> {
  const home = await residentHome(resident.id)
  const pledge = await GroupBuyPledge.create({
    groupBuyId: campaign.id,
    userId: resident.id,
    householdKey: householdKey(resident.id, {
      addressLabel: home?.addressLabel ?? null,
      townId: home?.townId ?? null,
    }),
    quantityMilli,
    cancelledAt: options.cancelled ? DateTime.now() : null,
  })
  if (!options.cancelled) {
    await campaign.refresh()
    campaign.totalMilli += quantityMilli
    await campaign.save()
  }
  return pledge
}

export interface PelletsCast {
  sophie: CommunityResident
  camille: CommunityResident
  lea: CommunityResident
  karim: CommunityResident
  nadia: CommunityResident
  campaign: GroupBuy
  paulPledge: GroupBuyPledge
}

/**
 * Sophie organises 0.41 €/kg pellets (0.37 €/kg from 1 000 kg). Camille
 * and Léa share a home at 12 rue Linné (450.5 + 300.25 kg), Karim lives
 * rue Cuvier (200.5 kg: 74.185 € -> 74.19 €, half up), Nadia rue Jussieu
 * (100 kg); Paul cancelled his pledge. 1 051.25 kg in all: the 1 000 kg
 * tier. The supplier bills 1 051.25 × 0.37 = 388.9625 -> 388.96 €; the
 * households' shares, each rounded, make 388.97 €.
 */
export async function pelletsWithNeighbours(
  options: { status?: GroupBuy['status']; attributes?: Partial<GroupBuy>; nadiaName?: string } = {}
): Promise<PelletsCast> {
  const sophie = await verifiedResident('sophie@example.org', {
    displayName: 'Sophie Bernard',
    addressLabel: '1 rue Linné, 75005 Paris',
  })
  const camille = await verifiedResident('camille@example.org', {
    displayName: 'Camille Martin',
    addressLabel: '12 rue Linné, 75005 Paris',
  })
  const lea = await verifiedResident('lea@example.org', {
    displayName: 'Léa Dubois',
    addressLabel: '12, Rue Linné, 75005 Paris',
  })
  const karim = await verifiedResident('karim@example.org', {
    displayName: 'Karim Benali',
    addressLabel: '3 rue Cuvier, 75005 Paris',
  })
  const nadia = await verifiedResident('nadia@example.org', {
    displayName: options.nadiaName ?? 'Nadia Haddad',
    addressLabel: '8 rue Jussieu, 75005 Paris',
  })
  const paul = await verifiedResident('paul@example.org', {
    displayName: 'Paul Roux',
    addressLabel: '5 rue Cuvier, 75005 Paris',
  })
  const campaign = await pelletsCampaign(sophie, {
    status: 'open',
    attributes: options.attributes,
  })
  await pledgeOf(campaign, camille, 450_500)
  await pledgeOf(campaign, lea, 300_250)
  await pledgeOf(campaign, karim, 200_500)
  await pledgeOf(campaign, nadia, 100_000)
  const paulPledge = await pledgeOf(campaign, paul, 80_000, { cancelled: true })
  await moveTo(campaign, options.status ?? 'closed')
  return { sophie, camille, lea, karim, nadia, campaign, paulPledge }
}

/** Moves a campaign to another state directly (what the state machine would have done). */
export async function moveTo(campaign: GroupBuy, status: GroupBuyStatus): Promise<void> {
  await campaign.refresh()
  campaign.status = status
  await campaign.save()
}

/**
 * Downloads a file with `agent`'s session and decodes it keeping a byte
 * order mark (fetch's text() would drop it silently).
 */
export async function download(agent: Agent, path: string) {
  const response = await fetch(new URL(path, agent.baseUrl), {
    redirect: 'manual',
    headers: {
      'accept-language': agent.language,
      'cookie': [...agent.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    },
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    headers: response.headers,
    location: response.headers.get('location'),
    bytes,
    text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes),
  }
}

/**
 * Reads a CSV as the order sheet writes it (UTF-8 BOM, `;`, CRLF, RFC 4180
 * quotes): rows of cells, the byte order mark checked and dropped.
 */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no byte order mark')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ';') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index += 1
    } else cell += char
  }
  if (cell !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF')
  return rows
}
