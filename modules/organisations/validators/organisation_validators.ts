import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { OFFICIAL_ALERT_KINDS, SEVERITIES } from '#modules/alerts/index'
import { parseDayHours } from '#modules/organisations/services/opening_hours'
import {
  CATEGORIES,
  KINDS,
  ROLES,
  organisationSettings,
} from '#modules/organisations/services/settings'
import {
  isValidRna,
  isValidSiret,
  normaliseRna,
  normaliseSiret,
} from '#modules/organisations/services/siret'
import { isDay } from '#modules/organisations/services/paris_time'

const { name, description, addressLabel, radiusM, offer, notice, reply } = organisationSettings

/** 14 digits (spaces allowed), then Luhn (or La Poste's rule); stored without spaces. */
const siretRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const siret = normaliseSiret(value)
  if (!/^\d{14}$/.test(siret)) field.report('Wrong SIRET length', 'siretLength', field)
  else if (!isValidSiret(siret)) field.report('Wrong SIRET checksum', 'siretChecksum', field)
  else field.mutate(siret, field)
})

const rnaRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const rna = normaliseRna(value)
  if (!isValidRna(rna)) field.report('Wrong RNA number', 'rna', field)
  else field.mutate(rna, field)
})

/** One weekday's hours as typed ("09:00-12:30, 14:00-19:00"); kept as typed, parsed again after. */
const hoursRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (parseDayHours(value) === null) field.report('Unreadable hours', 'openingHours', field)
})

const dayRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!isDay(value)) field.report('Not a date', 'day', field)
})

const day = () => vine.string().trim().use(dayRule())
const latitude = () => vine.number().min(-90).max(90)
const longitude = () => vine.number().min(-180).max(180)

export const createOrganisationValidator = vine.create({
  kind: vine.enum(KINDS),
  name: vine.string().trim().minLength(name.min).maxLength(name.max),
  siret: vine
    .string()
    .trim()
    .maxLength(30)
    .use(siretRule())
    .optional()
    .requiredWhen('kind', '=', 'shop'),
  rna: vine
    .string()
    .trim()
    .maxLength(20)
    .use(rnaRule())
    .optional()
    .requiredWhen('kind', '=', 'association'),
  address_label: vine.string().trim().minLength(addressLabel.min).maxLength(addressLabel.max),
  latitude: latitude(),
  longitude: longitude(),
})

const hours = () => vine.string().trim().maxLength(100).use(hoursRule()).optional()

export const profileValidator = vine.create({
  name: vine.string().trim().minLength(name.min).maxLength(name.max),
  description: vine.string().trim().maxLength(description.max).optional(),
  address_label: vine.string().trim().minLength(addressLabel.min).maxLength(addressLabel.max),
  latitude: latitude(),
  longitude: longitude(),
  radius_m: vine.number().withoutDecimals().min(radiusM.min).max(radiusM.max).optional(),
  categories: vine.array(vine.enum(CATEGORIES)).maxLength(4).optional(),
  phone: vine
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,30}$/)
    .optional(),
  email: vine.string().trim().maxLength(254).email().optional(),
  website: vine
    .string()
    .trim()
    .maxLength(200)
    .url({ require_protocol: true, protocols: ['http', 'https'] })
    .optional(),
  hours_1: hours(),
  hours_2: hours(),
  hours_3: hours(),
  hours_4: hours(),
  hours_5: hours(),
  hours_6: hours(),
  hours_7: hours(),
  closure_from_1: day().optional(),
  closure_until_1: day().optional().requiredIfExists('closure_from_1'),
  closure_from_2: day().optional(),
  closure_until_2: day().optional().requiredIfExists('closure_from_2'),
  closure_from_3: day().optional(),
  closure_until_3: day().optional().requiredIfExists('closure_from_3'),
})

export const memberValidator = vine.create({
  email: vine.string().trim().maxLength(254).email().optional().requiredIfMissing('user_id'),
  user_id: vine.number().withoutDecimals().min(1).optional(),
  role: vine.enum(ROLES),
})

export const memberRoleValidator = vine.create({
  role: vine.enum(ROLES),
})

export const memberSearchValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
})

export const postcardCodeValidator = vine.create({
  code: vine.string().trim().minLength(8).maxLength(20),
})

export const offerValidator = vine.create({
  title: vine.string().trim().minLength(offer.title.min).maxLength(offer.title.max),
  text: vine.string().trim().minLength(offer.text.min).maxLength(offer.text.max),
  valid_until: day(),
})

export const noticeValidator = vine.create({
  title: vine.string().trim().minLength(notice.title.min).maxLength(notice.title.max),
  text: vine.string().trim().minLength(notice.text.min).maxLength(notice.text.max),
  audience: vine.enum(['town', 'neighbourhoods'] as const),
  neighbourhood_ids: vine
    .array(vine.number().withoutDecimals().min(1))
    .maxLength(200)
    .optional()
    .requiredWhen('audience', '=', 'neighbourhoods'),
  pinned_until: day().optional(),
  /** Town halls: also raise it as an official alert (no kind: no alert). */
  alert_kind: vine.enum(OFFICIAL_ALERT_KINDS).optional(),
  alert_severity: vine.enum(SEVERITIES).optional().requiredIfExists('alert_kind'),
})

export const replyValidator = vine.create({
  reply_text: vine.string().trim().minLength(reply.min).maxLength(reply.max),
})

export const reviewDecisionValidator = vine.create({
  decision: vine.enum(['approved', 'rejected'] as const),
  note: vine.string().trim().maxLength(1000).optional(),
  email_domain_checked: vine.boolean().optional(),
  phone_callback_checked: vine.boolean().optional(),
})
