import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome } from '#modules/neighbourhoods/index'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import type { Closure, OpeningHours } from '#modules/organisations/services/opening_hours'
import type {
  OrganisationKind,
  Role,
  VerificationStatus,
} from '#modules/organisations/services/settings'

export interface OrganisationRow {
  id: number
  kind: OrganisationKind
  name: string
  description: string
  siret: string | null
  rna: string | null
  addressLabel: string
  latitude: number
  longitude: number
  townId: number
  radiusM: number
  categories: string[]
  phone: string
  email: string
  website: string
  openingHours: OpeningHours
  closures: Closure[]
  verificationStatus: VerificationStatus
  reviewRequestedAt: Date | null
  verifiedAt: Date | null
  createdAt: Date
}

const COLUMNS = `id, kind, name, description, siret, rna, address_label, town_id, radius_m,
  categories, phone, email, website, opening_hours, closures, verification_status,
  review_requested_at, verified_at, created_at,
  ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude`

function toOrganisation(row: any): OrganisationRow {
  return {
    id: Number(row.id),
    kind: row.kind,
    name: row.name,
    description: row.description,
    siret: row.siret,
    rna: row.rna,
    addressLabel: row.address_label,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    townId: Number(row.town_id),
    radiusM: Number(row.radius_m),
    categories: row.categories ?? [],
    phone: row.phone,
    email: row.email,
    website: row.website,
    openingHours: row.opening_hours ?? {},
    closures: row.closures ?? [],
    verificationStatus: row.verification_status,
    reviewRequestedAt: row.review_requested_at ? new Date(row.review_requested_at) : null,
    verifiedAt: row.verified_at ? new Date(row.verified_at) : null,
    createdAt: new Date(row.created_at),
  }
}

type Client = TransactionClientContract | typeof db

/** One organisation (FOR UPDATE inside a transaction when told), or null. */
export async function findOrganisation(
  id: number,
  options: { trx?: TransactionClientContract; forUpdate?: boolean } = {}
): Promise<OrganisationRow | null> {
  const client: Client = options.trx ?? db
  const { rows } = await client.rawQuery(
    `SELECT ${COLUMNS} FROM organisations WHERE id = ? ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id]
  )
  return rows[0] ? toOrganisation(rows[0]) : null
}

export async function organisationsByIds(ids: number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return []
  const { rows } = await db.rawQuery(
    `SELECT ${COLUMNS} FROM organisations WHERE id = ANY(?::bigint[]) ORDER BY name, id`,
    [ids]
  )
  return rows.map(toOrganisation)
}

export async function roleOf(
  organisationId: number,
  userId: number,
  trx?: TransactionClientContract
): Promise<Role | null> {
  const row = await (trx ?? db)
    .from('organisation_members')
    .where({ organisation_id: organisationId, user_id: userId })
    .select('role')
    .first()
  return row ? (row.role as Role) : null
}

/** An organisation its member (owner or editor) manages; anyone else: 404. */
export async function managedOrganisation(
  organisationId: number,
  userId: number,
  trx?: TransactionClientContract
): Promise<{ organisation: OrganisationRow; role: Role }> {
  const role = await roleOf(organisationId, userId, trx)
  const organisation = role ? await findOrganisation(organisationId, { trx }) : null
  if (!role || !organisation) throw new OrganisationNotFoundError()
  return { organisation, role }
}

/** Only its owners: editors are told (403), outsiders get a 404. */
export async function ownedOrganisation(
  organisationId: number,
  userId: number,
  trx?: TransactionClientContract
): Promise<OrganisationRow> {
  const { organisation, role } = await managedOrganisation(organisationId, userId, trx)
  if (role !== 'owner') throw new OrganisationRefusal('not_owner', 403)
  return organisation
}

/**
 * An organisation's public page: its members always; once verified, the
 * residents of its town. Anyone else (another town, no home): 404.
 */
export async function viewableOrganisation(
  organisationId: number,
  userId: number
): Promise<{ organisation: OrganisationRow; role: Role | null }> {
  const organisation = await findOrganisation(organisationId)
  if (!organisation) throw new OrganisationNotFoundError()
  const role = await roleOf(organisationId, userId)
  if (role) return { organisation, role }
  if (organisation.verificationStatus !== 'verified') throw new OrganisationNotFoundError()
  const home = await residentHome(userId)
  if (!home || home.townId !== organisation.townId) throw new OrganisationNotFoundError()
  return { organisation, role: null }
}

/** The organisations a person belongs to, with their role. */
export async function membershipsOf(
  userId: number
): Promise<{ organisation: OrganisationRow; role: Role }[]> {
  const members = await db
    .from('organisation_members')
    .where('user_id', userId)
    .select('organisation_id', 'role')
  const roles = new Map(members.map((row) => [Number(row.organisation_id), row.role as Role]))
  const organisations = await organisationsByIds([...roles.keys()])
  return organisations.map((organisation) => ({
    organisation,
    role: roles.get(organisation.id)!,
  }))
}
