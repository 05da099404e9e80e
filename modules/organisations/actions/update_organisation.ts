import db from '@adonisjs/lucid/services/db'
import { townAt } from '#modules/neighbourhoods/index'
import { managedOrganisation } from '#modules/organisations/queries/organisation_access'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import type { Closure, OpeningHours } from '#modules/organisations/services/opening_hours'
import { organisationSettings } from '#modules/organisations/services/settings'

export interface ProfileInput {
  name: string
  description: string
  addressLabel: string
  latitude: number
  longitude: number
  radiusM: number | null
  categories: string[]
  phone: string
  email: string
  website: string
  openingHours: OpeningHours
  closures: Closure[]
}

/**
 * A member edits the organisation's page. The address may move within
 * its town only (a town hall does not change towns; a shop moving away
 * is a new storefront). Radius, categories and hours are for shops.
 */
export default class UpdateOrganisation {
  async execute(userId: number, organisationId: number, input: ProfileInput): Promise<void> {
    /** Before the transaction: the embedded database has one connection. */
    const townId = await townAt(input)
    await db.transaction(async (trx) => {
      const { organisation } = await managedOrganisation(organisationId, userId, trx)
      if (townId !== organisation.townId) {
        throw new OrganisationRefusal('outside_town', 422, {}, 'address_label')
      }
      const shop = organisation.kind === 'shop'
      await trx.rawQuery(
        `UPDATE organisations SET name = ?, description = ?, address_label = ?,
                point = ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, radius_m = ?,
                categories = ?::text[], phone = ?, email = ?, website = ?,
                opening_hours = ?::jsonb, closures = ?::jsonb, updated_at = ?
          WHERE id = ?`,
        [
          input.name,
          input.description,
          input.addressLabel,
          input.longitude,
          input.latitude,
          shop ? (input.radiusM ?? organisation.radiusM) : organisationSettings.radiusM.default,
          shop ? input.categories : [],
          input.phone,
          input.email,
          input.website,
          JSON.stringify(shop ? input.openingHours : {}),
          JSON.stringify(shop ? input.closures : []),
          new Date(),
          organisationId,
        ]
      )
    })
  }
}
