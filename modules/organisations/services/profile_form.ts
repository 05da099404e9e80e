import type { ProfileInput } from '#modules/organisations/actions/update_organisation'
import type { OrganisationRow } from '#modules/organisations/queries/organisation_access'
import {
  WEEKDAYS,
  formatDayHours,
  parseDayHours,
  type Closure,
  type OpeningHours,
} from '#modules/organisations/services/opening_hours'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import type { Infer } from '@vinejs/vine/types'
import type { profileValidator } from '#modules/organisations/validators/organisation_validators'

type ProfileFields = Infer<typeof profileValidator>

/** What the validated form means: hours per weekday, closures in order. */
export function profileInput(fields: ProfileFields): ProfileInput {
  const openingHours: OpeningHours = {}
  for (const day of WEEKDAYS) {
    openingHours[day] =
      parseDayHours((fields[`hours_${day}` as keyof ProfileFields] as string) ?? '') ?? []
  }
  const closures: Closure[] = []
  for (const n of [1, 2, 3] as const) {
    const from = fields[`closure_from_${n}`]
    const until = fields[`closure_until_${n}`]
    if (!from || !until) continue
    if (until < from) {
      throw new OrganisationRefusal('closure_backwards', 422, {}, `closure_until_${n}`)
    }
    closures.push({ from, until })
  }
  return {
    name: fields.name,
    description: fields.description ?? '',
    addressLabel: fields.address_label,
    latitude: fields.latitude,
    longitude: fields.longitude,
    radiusM: fields.radius_m ?? null,
    categories: [...new Set(fields.categories ?? [])],
    phone: fields.phone ?? '',
    email: fields.email ?? '',
    website: fields.website ?? '',
    openingHours,
    closures: closures.sort((a, b) => (a.from < b.from ? -1 : 1)),
  }
}

/** The form's values from the stored organisation. */
export function profileValues(organisation: OrganisationRow): Record<string, unknown> {
  const values: Record<string, unknown> = {
    name: organisation.name,
    description: organisation.description,
    address_label: organisation.addressLabel,
    latitude: String(organisation.latitude),
    longitude: String(organisation.longitude),
    radius_m: String(organisation.radiusM),
    categories: organisation.categories,
    phone: organisation.phone,
    email: organisation.email,
    website: organisation.website,
  }
  for (const day of WEEKDAYS)
    values[`hours_${day}`] = formatDayHours(organisation.openingHours[day])
  organisation.closures.slice(0, 3).forEach((closure, index) => {
    values[`closure_from_${index + 1}`] = closure.from
    values[`closure_until_${index + 1}`] = closure.until
  })
  return values
}
