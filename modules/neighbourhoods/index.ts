/**
 * Public API of the neighbourhoods module: the only file other modules
 * (and commands) import. "Which neighbourhood, and who may see this".
 */
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import RecordInvitationJoin from '#modules/neighbourhoods/actions/invitations/record_invitation_join'
import {
  invitationStats as invitationStatsQuery,
  type InvitationStats,
} from '#modules/neighbourhoods/queries/invitations'
import RecordAddressProof from '#modules/neighbourhoods/actions/record_address_proof'
import { readFeatureCollection } from '#modules/neighbourhoods/services/geojson_file'
import {
  TownImporter,
  type TownImportOptions,
} from '#modules/neighbourhoods/services/town_importer'
import {
  NeighbourhoodImporter,
  type NeighbourhoodImportOptions,
} from '#modules/neighbourhoods/services/neighbourhood_importer'
import { ambassadorHome, isSuperVoisinIn } from '#modules/neighbourhoods/queries/ambassadors'

export {
  visibleNeighbourhoodIds,
  audienceNeighbourhoodIds,
  maySee,
  SCOPES,
  type Scope,
} from '#modules/neighbourhoods/queries/scopes'
export { neighbourhoodAt, townAt, placeResident } from '#modules/neighbourhoods/services/placement'
export type { ImportReport, ProgressListener } from '#modules/neighbourhoods/services/import_report'
export { demoHomes } from '#modules/neighbourhoods/services/demo_homes'

export { residentHome, type ResidentHome } from '#modules/neighbourhoods/queries/resident_home'
export { townNeighbourhoods } from '#modules/neighbourhoods/queries/town_neighbourhoods'
export {
  townOf,
  residentsOf,
  liveAtSameAddress,
  moderatedNeighbourhoodIds,
  neighbourhoodNames,
  type TownSummary,
  type NeighbourSummary,
} from '#modules/neighbourhoods/queries/residents_for_verification'
export { residentsPage } from '#modules/neighbourhoods/queries/residents_page'

/**
 * Marks a resident's address as proven (called by the verification
 * module); their neighbourhood opens once enough residents are verified.
 * Pass `trx` inside a transaction (the embedded database has one
 * connection: a second would wait for the first forever).
 */
export function recordAddressProof(
  userId: number,
  options: { trx?: TransactionClientContract } = {}
) {
  return new RecordAddressProof().execute(userId, options)
}

/** Withdraws a resident's address proof (an operator revoked their verification). */
export async function clearAddressProof(
  userId: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<void> {
  await (options.trx ?? db)
    .from('residents')
    .where('user_id', userId)
    .update({ verified_at: null, updated_at: new Date() })
}

/** Imports communes from a GeoJSON file (plain or .gz). */
export async function importTowns(path: string, options: TownImportOptions = {}) {
  return new TownImporter().import(await readFeatureCollection(path), options)
}

/** Imports neighbourhood boundaries from a GeoJSON file (plain or .gz). */
export async function importNeighbourhoods(path: string, options: NeighbourhoodImportOptions) {
  return new NeighbourhoodImporter().import(await readFeatureCollection(path), options)
}

/* Invitations */

export type { InvitationStats }
export { INVITATION_SESSION_KEY } from '#modules/neighbourhoods/services/invitations/codes'

/**
 * Records that `userId` joined through an invitation code (as typed or
 * from the session key INVITATION_SESSION_KEY) and gives the neighbourhood
 * it invites to; null when the code is unknown, expired, a personal code
 * already used by someone else, or the user's own invitation. Idempotent
 * for the same user. Pass `trx` when calling inside a transaction (on the
 * embedded database a second connection would wait for it forever).
 */
export function recordInvitationJoin(
  code: string,
  userId: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<{ neighbourhoodId: number } | null> {
  return new RecordInvitationJoin().execute(code, userId, options)
}

/** Invitations a resident sent and who joined through them (super voisin dashboard). */
export function invitationStats(inviterId: number): Promise<InvitationStats> {
  return invitationStatsQuery(inviterId)
}

/* Super voisins */

export type {
  AmbassadorApplicationStatus,
  AmbassadorAvailability,
} from '#modules/neighbourhoods/models/ambassador_application'
export type { KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'

/**
 * Whether a resident is a super voisin of the neighbourhood they live in
 * now (a role granted when an operator approves their application).
 */
export async function isSuperVoisin(userId: number): Promise<boolean> {
  const home = await ambassadorHome(userId)
  return home !== null && (await isSuperVoisinIn(userId, home.neighbourhoodId))
}

/** Back office dashboard: super voisin applications and kit orders waiting. */
export { ambassadorQueueCounts } from '#modules/neighbourhoods/queries/back_office_figures'
