import vine from '@vinejs/vine'
import { SCOPES } from '#modules/neighbourhoods/index'
import { eventLimits } from '#modules/events/services/limits'
import { ANSWERS, CATEGORIES } from '#modules/events/services/settings'

const { title, description, placeLabel, capacity, cancelReason } = eventLimits

/** A calendar date as <input type="date"> sends it; read in Paris time afterwards. */
const day = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** A time as <input type="time"> sends it. */
const time = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/)

const coordinate = (limit: number) => vine.number().min(-limit).max(limit)

/**
 * The shape of the event form. Dates against each other and the clock,
 * and the place against the organiser's home, are checked afterwards
 * (services/event_form.ts, actions).
 */
export const eventFieldsValidator = vine.create({
  title: vine.string().trim().minLength(title.min).maxLength(title.max),
  description: vine.string().trim().maxLength(description.max).optional(),
  category: vine.enum(CATEGORIES),
  place_label: vine.string().trim().minLength(placeLabel.min).maxLength(placeLabel.max),
  place_latitude: coordinate(90),
  place_longitude: coordinate(180),
  starts_date: day(),
  starts_time: time(),
  ends_date: day(),
  ends_time: time(),
  capacity: vine.number().withoutDecimals().min(capacity.min).max(capacity.max).optional(),
  scope: vine.enum(SCOPES),
})

/** An answer to an event. */
export const rsvpValidator = vine.create({
  answer: vine.enum(ANSWERS),
})

/** The author cancels, saying why (participants are told). */
export const cancelValidator = vine.create({
  reason: vine.string().trim().minLength(cancelReason.min).maxLength(cancelReason.max),
})
