import db from '@adonisjs/lucid/services/db'
import { townAt } from '#modules/neighbourhoods/index'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import {
  organisationSettings,
  type OrganisationKind,
} from '#modules/organisations/services/settings'

export interface CreateOrganisationInput {
  kind: OrganisationKind
  name: string
  siret?: string
  rna?: string
  address_label: string
  latitude: number
  longitude: number
}

/**
 * A signed-in person opens an organisation and becomes its first owner.
 * Its town is the one under its address point (a town hall speaks for
 * that town; a shop's storefront is for its residents). Unverified until
 * a postcard code or an operator says otherwise.
 */
export default class CreateOrganisation {
  async execute(userId: number, input: CreateOrganisationInput): Promise<number> {
    const townId = await townAt(input)
    if (townId === null) throw new OrganisationRefusal('no_town', 422, {}, 'address_label')
    return db.transaction(async (trx) => {
      const now = new Date()
      const [inserted] = await trx
        .table('organisations')
        .insert({
          kind: input.kind,
          name: input.name,
          siret: input.kind === 'shop' ? (input.siret ?? null) : null,
          rna: input.kind === 'association' ? (input.rna ?? null) : null,
          address_label: input.address_label,
          point: trx.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography', [
            input.longitude,
            input.latitude,
          ]),
          town_id: townId,
          radius_m: organisationSettings.radiusM.default,
          created_by_id: userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
      const id = Number(inserted.id ?? inserted)
      await trx
        .table('organisation_members')
        .insert({ organisation_id: id, user_id: userId, role: 'owner', created_at: now })
      return id
    })
  }
}
