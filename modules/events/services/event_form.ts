import { errors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { Scope } from '#modules/neighbourhoods/index'
import { eventLimits } from '#modules/events/services/limits'
import { addDays, isDay, parisMoment, parisToday } from '#modules/events/services/paris_time'
import type { EventCategory } from '#modules/events/services/settings'
import { eventFieldsValidator } from '#modules/events/validators/event_validators'

/** What the organiser describes. */
export interface EventInput {
  title: string
  description: string
  category: EventCategory
  placeLabel: string
  latitude: number
  longitude: number
  startsAt: Date
  endsAt: Date
  capacity: number | null
  scope: Scope
}

export type FieldErrors = Record<string, string[]>

/** The prefix of the forms' messages and field names (events.json, not the shared file). */
export const VALIDATOR_MESSAGES = 'events.validator'

/** The VineJS messages of a failed validation, by field. */
export function validationErrors(error: unknown): FieldErrors | null {
  if (!(error instanceof errors.E_VALIDATION_ERROR)) return null
  const fieldErrors: FieldErrors = {}
  for (const item of error.messages as { field: string; message: string }[]) {
    ;(fieldErrors[item.field] ??= []).push(item.message)
  }
  return fieldErrors
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads the event form (creating or editing): VineJS for the shape of
 * each field, then the start and end in Paris time (real moments, the
 * end after the start, the start not past and not too far, a sensible
 * length). When editing, an event that has already started keeps its
 * start (`keepStart`). Every problem is collected so that the form
 * comes back once with all its messages.
 */
export async function readEventForm(
  raw: Record<string, unknown>,
  i18n: I18n,
  options: { now?: Date; startedAt?: Date | null } = {}
): Promise<{ input: EventInput | null; fieldErrors: FieldErrors }> {
  const now = options.now ?? new Date()
  let fieldErrors: FieldErrors = {}
  let fields: Awaited<ReturnType<typeof eventFieldsValidator.validate>> | null = null
  try {
    fields = await eventFieldsValidator.validate(raw, {
      messagesProvider: i18n.createMessagesProvider(VALIDATOR_MESSAGES),
    })
  } catch (error) {
    const found = validationErrors(error)
    if (!found) throw error
    fieldErrors = found
  }
  const add = (field: string, key: string, values: Record<string, string | number> = {}) => {
    if (fieldErrors[field]) return
    fieldErrors[field] = [i18n.t(`events.form_errors.${key}`, values)]
  }
  const text = (key: string) => {
    const value = raw[key]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  /** A moment from a date field and a time field, or null (with a message when malformed). */
  const moment = (dayField: string, timeField: string): Date | null => {
    const day = text(dayField)
    const clock = text(timeField)
    /** Malformed ones already have VineJS's message. */
    if (!day || !clock || !DAY.test(day) || !TIME.test(clock)) return null
    const at = isDay(day) ? parisMoment(day, clock.slice(0, 5)) : null
    if (!at) add(dayField, 'date')
    return at
  }

  const startsAt = moment('starts_date', 'starts_time')
  const endsAt = moment('ends_date', 'ends_time')
  const started = options.startedAt && options.startedAt <= now ? options.startedAt : null
  if (startsAt) {
    if (started) {
      if (startsAt.getTime() !== started.getTime()) add('starts_date', 'started')
    } else if (startsAt <= now) {
      add('starts_date', 'past')
    } else if (text('starts_date')! > addDays(parisToday(now), eventLimits.maxDaysAhead)) {
      add('starts_date', 'too_far', { days: eventLimits.maxDaysAhead })
    }
  }
  if (startsAt && endsAt) {
    if (endsAt <= startsAt) add('ends_date', 'end_before_start')
    else if (endsAt.getTime() - startsAt.getTime() > eventLimits.maxDurationHours * 3_600_000) {
      add('ends_date', 'too_long', { days: eventLimits.maxDurationHours / 24 })
    }
  }
  if (endsAt && endsAt <= now) add('ends_date', 'past')

  if (!fields || Object.keys(fieldErrors).length > 0 || !startsAt || !endsAt) {
    return { input: null, fieldErrors }
  }
  return {
    input: {
      title: fields.title,
      description: fields.description ?? '',
      category: fields.category,
      placeLabel: fields.place_label,
      latitude: fields.place_latitude,
      longitude: fields.place_longitude,
      startsAt,
      endsAt,
      capacity: fields.capacity ?? null,
      scope: fields.scope,
    },
    fieldErrors,
  }
}
