/**
 * Public API of the organisations module (other modules import only this):
 * which shops a person may act for (the group buys module will let a shop
 * be a campaign's supplier), and the organisations' vocabulary.
 */
import db from '@adonisjs/lucid/services/db'

export {
  KINDS,
  ROLES,
  type OrganisationKind,
  type Role,
} from '#modules/organisations/services/settings'
export { isValidSiret, isValidRna } from '#modules/organisations/services/siret'
export { storefrontPath } from '#modules/organisations/services/links'
export { pinnedNoticesFor } from '#modules/organisations/queries/notices'

export interface ShopSummary {
  id: number
  name: string
  verified: boolean
  role: 'owner' | 'editor'
}

/** The shops a person is a member of (owner or editor), verified or not, by name. */
export async function shopsOf(userId: number): Promise<ShopSummary[]> {
  const rows = await db
    .from('organisation_members as m')
    .join('organisations as o', 'o.id', 'm.organisation_id')
    .where('m.user_id', userId)
    .where('o.kind', 'shop')
    .orderBy('o.name')
    .orderBy('o.id')
    .select('o.id', 'o.name', 'o.verification_status', 'm.role')
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    verified: row.verification_status === 'verified',
    role: row.role,
  }))
}

/** Whether a person may act for this shop (a member of a shop, any role). */
export async function isShopMember(userId: number, organisationId: number): Promise<boolean> {
  const row = await db
    .from('organisation_members as m')
    .join('organisations as o', 'o.id', 'm.organisation_id')
    .where({ 'm.user_id': userId, 'm.organisation_id': organisationId, 'o.kind': 'shop' })
    .select('o.id')
    .first()
  return Boolean(row)
}

/** A verified shop's name (a group buy's supplier), or null. */
export async function verifiedShopName(organisationId: number): Promise<string | null> {
  const row = await db
    .from('organisations')
    .where({ id: organisationId, kind: 'shop', verification_status: 'verified' })
    .select('name')
    .first()
  return row ? (row.name as string) : null
}

/** Back office dashboard: verification reviews and shop postcards waiting. */
export { organisationQueueCounts } from '#modules/organisations/queries/back_office_figures'
