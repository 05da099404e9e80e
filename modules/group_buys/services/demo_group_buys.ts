import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import GroupBuyTier from '#modules/group_buys/models/group_buy_tier'
import { householdKey } from '#modules/group_buys/services/household'

interface DemoCampaign {
  organiser: string
  attributes: Partial<GroupBuy>
  tiers: { minTotalMilli: number; unitPriceCents: number }[]
  /** Neighbours' pledges, by e-mail (kept under the threshold: nobody is mailed). */
  pledges: [string, number][]
}

/**
 * Two open group buys for the demo, as the seed of the issue tells it:
 * wood pellets in Saint-Georges (Camille organises, Léa pledged) and
 * heating oil for the whole town (Karim organises in Clignancourt,
 * Camille pledged). Written as the module's actions leave them.
 */
const CAMPAIGNS: DemoCampaign[] = [
  {
    organiser: 'camille@demo.quartier.localhost',
    attributes: {
      title: 'Granulés de bois pour cet hiver',
      product: 'Granulés DIN+ en sacs de 15 kg',
      description:
        'Commande groupée auprès d’un producteur de l’Orne. Palettes livrées dans la cour de l’école, retrait le samedi matin.',
      unit: 'kg',
      supplierName: 'Granulés du Perche',
      supplierContact: 'commandes@granules-perche.example · 02 33 00 00 00',
      baseUnitPriceCents: 45,
      minTotalMilli: 2_000_000,
      maxTotalMilli: 12_000_000,
      householdMaxMilli: 3_000_000,
      fulfilment: 'pickup',
      placeLabel: 'Cour de l’école de la rue Milton',
      scope: 'neighbourhood',
    },
    tiers: [
      { minTotalMilli: 3_000_000, unitPriceCents: 39 },
      { minTotalMilli: 6_000_000, unitPriceCents: 34 },
    ],
    pledges: [['lea@demo.quartier.localhost', 450_000]],
  },
  {
    organiser: 'karim@demo.quartier.localhost',
    attributes: {
      title: 'Fioul domestique : commande groupée',
      product: 'Fioul domestique standard',
      description:
        'Livraison à domicile par camion-citerne le même jour pour tous : plus nous sommes nombreux, moins le litre coûte cher.',
      unit: 'litre',
      supplierName: 'Combustibles de Paris Nord',
      supplierContact: '01 42 00 00 00',
      baseUnitPriceCents: 118,
      minTotalMilli: 5_000_000,
      maxTotalMilli: null,
      householdMaxMilli: null,
      fulfilment: 'delivery',
      placeLabel: 'Livraison à domicile dans Paris',
      scope: 'town',
    },
    tiers: [
      { minTotalMilli: 10_000_000, unitPriceCents: 109 },
      { minTotalMilli: 20_000_000, unitPriceCents: 102 },
    ],
    pledges: [['camille@demo.quartier.localhost', 800_000]],
  },
]

export const demoGroupBuys = {
  /** Seeds the demo campaigns for the demo residents (ids by e-mail); skips anyone missing. */
  async seed(ids: Map<string, number>): Promise<void> {
    const now = DateTime.now()
    for (const campaign of CAMPAIGNS) {
      const organiserId = ids.get(campaign.organiser)
      const home = organiserId ? await residentHome(organiserId) : null
      if (!organiserId || !home?.neighbourhoodId || !home.townId) continue
      await db.transaction(async (trx) => {
        const groupBuy = await GroupBuy.create(
          {
            ...campaign.attributes,
            organiserId,
            neighbourhoodId: home.neighbourhoodId!,
            townId: home.townId!,
            organiserStreet: home.streetName,
            deadline: now
              .plus({ days: 12 })
              .set({ hour: 18, minute: 0, second: 0, millisecond: 0 }),
            windowStartsOn: now.plus({ days: 16 }).toISODate()!,
            windowEndsOn: now.plus({ days: 19 }).toISODate()!,
            status: 'open',
            totalMilli: 0,
            publishedAt: now.minus({ hours: 3 }),
          },
          { client: trx }
        )
        for (const tier of campaign.tiers) {
          await GroupBuyTier.create({ groupBuyId: groupBuy.id, ...tier }, { client: trx })
        }
        for (const [email, quantityMilli] of campaign.pledges) {
          const userId = ids.get(email)
          const pledgerHome = userId ? await residentHome(userId, { trx }) : null
          if (!userId || !pledgerHome) continue
          await GroupBuyPledge.create(
            {
              groupBuyId: groupBuy.id,
              userId,
              householdKey: householdKey(userId, pledgerHome),
              quantityMilli,
            },
            { client: trx }
          )
          groupBuy.totalMilli += quantityMilli
        }
        await groupBuy.useTransaction(trx).save()
      })
    }
  },
}
