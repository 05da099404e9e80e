import vine from '@vinejs/vine'
import { SCOPES } from '#modules/neighbourhoods/index'
import {
  CATEGORIES,
  DIRECTIONS,
  KINDS,
  exchangeSettings,
} from '#modules/exchanges/services/settings'

const { title, description, rides, firstMessageMax } = exchangeSettings

/** A calendar date as <input type="date"> sends it; read in Paris time afterwards. */
const day = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** A time of day as <input type="time"> sends it ("08:30", seconds tolerated). */
const time = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/)

/**
 * What every exchange says. The price is typed in euros and read by
 * parsePrice; dates are checked against each other and today afterwards
 * (services/exchange_form.ts), in Paris time.
 */
export const exchangeFieldsValidator = vine.create({
  direction: vine.enum(DIRECTIONS),
  kind: vine.enum(KINDS),
  title: vine.string().trim().minLength(title.min).maxLength(title.max),
  description: vine.string().trim().minLength(description.min).maxLength(description.max),
  category: vine.enum(CATEGORIES).optional().requiredWhen('kind', '!=', 'ride'),
  price: vine.string().trim().maxLength(20).optional(),
  available_from: day().optional(),
  available_until: day().optional(),
  scope: vine.enum(SCOPES).optional(),
})

const coordinate = (limit: number) => vine.number().min(-limit).max(limit)

/** A ride's trip: two named places, once or weekly, seats and detour. */
export const rideFieldsValidator = vine.create({
  from_label: vine.string().trim().minLength(2).maxLength(rides.labelMax),
  from_latitude: coordinate(90),
  from_longitude: coordinate(180),
  to_label: vine.string().trim().minLength(2).maxLength(rides.labelMax),
  to_latitude: coordinate(90),
  to_longitude: coordinate(180),
  schedule: vine.enum(['once', 'weekly'] as const),
  departure_date: day().optional().requiredWhen('schedule', '=', 'once'),
  departure_time: time(),
  weekdays: vine
    .array(vine.number().withoutDecimals().min(1).max(7))
    .distinct()
    .optional()
    .requiredWhen('schedule', '=', 'weekly'),
  recurs_until: day().optional().requiredWhen('schedule', '=', 'weekly'),
  seats: vine.number().withoutDecimals().min(1).max(rides.maxSeats),
  detour_km: vine.number().withoutDecimals().min(0).max(rides.maxDetourKm).optional(),
})

/** "I'm interested" / "I can help", with an optional first message. */
export const respondValidator = vine.create({
  message: vine.string().trim().maxLength(firstMessageMax).optional(),
})

/** The author chooses a respondent; loans also set when the object comes back. */
export const agreeValidator = vine.create({
  respondent_id: vine.number().withoutDecimals().min(1),
  return_due_on: day().optional(),
})

export const bookingValidator = vine.create({
  seats: vine.number().withoutDecimals().min(1).max(rides.maxSeats),
  message: vine.string().trim().maxLength(firstMessageMax).optional(),
})

/** The rides search (GET): destination near a point, a day and a time window, origin optional. */
export const rideSearchValidator = vine.create({
  to_label: vine.string().trim().maxLength(rides.labelMax).optional(),
  to_latitude: coordinate(90),
  to_longitude: coordinate(180),
  to_radius_km: vine.number().min(0.1).max(rides.search.maxRadiusKm).optional(),
  from_label: vine.string().trim().maxLength(rides.labelMax).optional(),
  from_latitude: coordinate(90).optional().requiredIfExists('from_longitude'),
  from_longitude: coordinate(180).optional().requiredIfExists('from_latitude'),
  from_radius_km: vine.number().min(0.1).max(rides.search.maxRadiusKm).optional(),
  date: day(),
  time_from: time().optional(),
  time_until: time().optional(),
})
