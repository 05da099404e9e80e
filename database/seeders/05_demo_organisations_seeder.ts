import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { demoResidents } from '#modules/accounts/index'
import { townAt } from '#modules/neighbourhoods/index'

const ZONE = 'Europe/Paris'
const OPERATOR = 'operator@demo.quartier.localhost'

interface DemoOrganisation {
  kind: 'shop' | 'town_hall' | 'association'
  name: string
  owner: string
  siret?: string
  rna?: string
  description: string
  addressLabel: string
  longitude: number
  latitude: number
  phone?: string
  website?: string
  categories?: string[]
  openingHours?: Record<string, [string, string][]>
  /** A shop's postcard code typed by its owner, else an operator's review. */
  verifiedBy: 'postcard' | 'review'
}

const WEEKDAY_HOURS: [string, string][] = [
  ['07:00', '13:30'],
  ['15:30', '20:00'],
]

/**
 * The organisations of the demo, all verified, in Paris 9e: a bakery
 * (Léa's, storefront without photos), the town hall (Camille edits its
 * notices) and a gardening association (Karim's).
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    kind: 'shop',
    name: 'Boulangerie des Martyrs',
    owner: 'lea@demo.quartier.localhost',
    siret: '73282932000074',
    description:
      'Pain au levain cuit sur place toute la journée, viennoiseries pur beurre et pâtisseries de saison. Commandes de gâteaux la veille avant 18 h.',
    addressLabel: '22 rue des Martyrs, 75009 Paris',
    longitude: 2.3397,
    latitude: 48.8777,
    phone: '01 48 78 00 00',
    categories: ['bakery', 'food'],
    openingHours: {
      '1': [],
      '2': WEEKDAY_HOURS,
      '3': WEEKDAY_HOURS,
      '4': WEEKDAY_HOURS,
      '5': WEEKDAY_HOURS,
      '6': [['07:30', '20:00']],
      '7': [['07:30', '13:30']],
    },
    verifiedBy: 'postcard',
  },
  {
    kind: 'town_hall',
    name: 'Mairie du 9e arrondissement',
    owner: 'camille@demo.quartier.localhost',
    description: 'Les avis officiels de la mairie pour les quartiers du 9e.',
    addressLabel: '6 rue Drouot, 75009 Paris',
    longitude: 2.3408,
    latitude: 48.8727,
    phone: '01 71 37 75 09',
    website: 'https://mairie09.paris.fr',
    verifiedBy: 'review',
  },
  {
    kind: 'association',
    name: 'Les Jardiniers de Saint-Georges',
    owner: 'karim@demo.quartier.localhost',
    rna: 'W759012345',
    description:
      'Nous fleurissons les pieds d’arbres et les jardinières du quartier, et partageons graines et boutures.',
    addressLabel: 'Place Saint-Georges, 75009 Paris',
    longitude: 2.3379,
    latitude: 48.8785,
    verifiedBy: 'review',
  },
]

/** Two offers of the bakery, published an hour and a day ago. */
const OFFERS = [
  {
    title: 'Galette des rois à la frangipane',
    text: 'Frangipane maison et fève en porcelaine : 4, 6 ou 8 parts. Réservez la vôtre en boutique ou par téléphone.',
    validDays: 20,
    publishedHoursAgo: 1,
  },
  {
    title: 'Nouveau : pain au petit épeautre',
    text: 'Un pain de petit épeautre au levain, croûte épaisse, mie dense : tous les jours à partir de 11 h.',
    validDays: 30,
    publishedHoursAgo: 26,
  },
]

/** The town hall's notice, pinned for two weeks, to the four quartiers of the 9e. */
const NOTICE = {
  title: 'Collecte des sapins de Noël du 2 au 20 janvier',
  text: 'Déposez votre sapin sans sac ni décoration dans l’un des enclos installés square Montholon, square d’Anvers et place Saint-Georges. Les sapins sont broyés et le paillis est offert aux jardiniers du quartier.',
  neighbourhoods: ['Saint-Georges', 'Chaussée-d’Antin', 'Faubourg-Montmartre', 'Rochechouart'],
  pinnedDays: 14,
}

/**
 * Verified organisations for the demo (see DEMO_ORGANISATIONS): the
 * bakery's storefront and two offers, the town hall's pinned notice.
 * Written as the organisations module's actions leave them. Runs with the
 * demo seed only (it needs the demo residents) and skips an organisation
 * already there, so running it again adds nothing.
 */
export default class DemoOrganisationsSeeder extends BaseSeeder {
  async run() {
    const ids = await demoIds()
    const operatorId = ids.get(OPERATOR)
    if (!operatorId) return
    for (const organisation of DEMO_ORGANISATIONS) {
      const ownerId = ids.get(organisation.owner)
      const townId = await townAt(organisation)
      if (!ownerId || townId === null) continue
      if (await findDemoOrganisation(organisation.name)) continue
      await db.transaction(async (trx) => {
        const id = await insertOrganisation(trx, organisation, ownerId, townId)
        await recordVerification(
          trx,
          id,
          organisation,
          organisation.verifiedBy === 'postcard' ? ownerId : operatorId
        )
        if (organisation.kind === 'shop') await insertOffers(trx, id, ownerId)
        if (organisation.kind === 'town_hall') await insertNotice(trx, id, ownerId, townId)
      })
    }
  }
}

/** The demo accounts' ids by e-mail (empty outside the demo). */
export async function demoIds(): Promise<Map<string, number>> {
  const rows = await db
    .from('users')
    .whereIn(
      'email',
      demoResidents.people.map((person) => person.email)
    )
    .select('id', 'email')
  return new Map(rows.map((row) => [row.email as string, Number(row.id)]))
}

export async function findDemoOrganisation(name: string) {
  return db.from('organisations').where('name', name).select('id', 'town_id', 'point').first()
}

async function insertOrganisation(
  trx: TransactionClientContract,
  organisation: DemoOrganisation,
  ownerId: number,
  townId: number
): Promise<number> {
  const now = new Date()
  const [inserted] = await trx
    .table('organisations')
    .insert({
      kind: organisation.kind,
      name: organisation.name,
      description: organisation.description,
      siret: organisation.siret ?? null,
      rna: organisation.rna ?? null,
      address_label: organisation.addressLabel,
      point: trx.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography', [
        organisation.longitude,
        organisation.latitude,
      ]),
      town_id: townId,
      radius_m: 1000,
      categories: trx.raw('?::text[]', [`{${(organisation.categories ?? []).join(',')}}`]),
      phone: organisation.phone ?? '',
      website: organisation.website ?? '',
      opening_hours: JSON.stringify(organisation.openingHours ?? {}),
      closures: JSON.stringify([]),
      created_by_id: ownerId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
  const id = Number(inserted.id ?? inserted)
  await trx
    .table('organisation_members')
    .insert({ organisation_id: id, user_id: ownerId, role: 'owner', created_at: now })
  return id
}

/** Verified, with who decided: the owner who typed the postcard's code, or the operator. */
async function recordVerification(
  trx: TransactionClientContract,
  id: number,
  organisation: DemoOrganisation,
  decidedById: number
) {
  const now = new Date()
  await trx.table('organisation_verifications').insert({
    organisation_id: id,
    method: organisation.verifiedBy,
    decision: 'approved',
    decided_by_id: decidedById,
    note: '',
    checklist: JSON.stringify(
      organisation.kind === 'town_hall'
        ? { email_domain_checked: true, phone_callback_checked: true }
        : {}
    ),
    created_at: now,
  })
  await trx
    .from('organisations')
    .where('id', id)
    .update({ verification_status: 'verified', verified_at: now })
}

async function insertOffers(trx: TransactionClientContract, id: number, authorId: number) {
  const today = DateTime.now().setZone(ZONE)
  for (const offer of OFFERS) {
    const publishedAt = new Date(Date.now() - offer.publishedHoursAgo * 3_600_000)
    await trx.table('shop_offers').insert({
      organisation_id: id,
      title: offer.title,
      text: offer.text,
      valid_until: today.plus({ days: offer.validDays }).toISODate(),
      author_id: authorId,
      published_at: publishedAt,
      created_at: publishedAt,
    })
  }
}

async function insertNotice(
  trx: TransactionClientContract,
  id: number,
  authorId: number,
  townId: number
) {
  const neighbourhoods = await trx
    .from('neighbourhoods')
    .where('town_id', townId)
    .whereIn(
      'name',
      NOTICE.neighbourhoods.flatMap((name) => [name, name.replace('’', "'")])
    )
    .select('id')
  if (neighbourhoods.length === 0) return
  const now = new Date()
  const [inserted] = await trx
    .table('notices')
    .insert({
      organisation_id: id,
      town_id: townId,
      title: NOTICE.title,
      text: NOTICE.text,
      whole_town: false,
      pinned_until: DateTime.now()
        .setZone(ZONE)
        .plus({ days: NOTICE.pinnedDays })
        .endOf('day')
        .toJSDate(),
      author_id: authorId,
      published_at: now,
      created_at: now,
    })
    .returning('id')
  await trx.table('notice_neighbourhoods').multiInsert(
    neighbourhoods.map((row) => ({
      notice_id: Number(inserted.id ?? inserted),
      neighbourhood_id: Number(row.id),
    }))
  )
}
