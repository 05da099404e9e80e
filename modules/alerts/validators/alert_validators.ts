import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { toE164Mobile } from '#app/sms/phone_numbers'
import { minutesOf } from '#modules/alerts/services/paris_time'
import {
  ALERT_KINDS,
  SEVERITIES,
  VEHICLE_KINDS,
  alertSettings,
} from '#modules/alerts/services/settings'

/*
| Field names are prefixed (alert_, place_, phone_...) so that their
| messages in validator.json stay apart from other forms'.
*/

const SUSPICIOUS = ['suspicious_behaviour']

/** A number that can receive an SMS ("06 12 34 56 78", "+33 6 ...", "+32 ..."). */
const mobilePhone = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!toE164Mobile(value)) field.report('Enter a mobile phone number', 'mobilePhone', field)
})

/** 'HH:mm' (seconds tolerated, as some browsers send them). */
const timeOfDay = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (minutesOf(value) === null) field.report('Enter a time', 'timeOfDay', field)
})

/** GET /alerts/new?kind=...&guard=read */
export const newAlertQueryValidator = vine.create({
  kind: vine.enum(ALERT_KINDS).optional(),
  guard: vine.literal('read').optional(),
})

/**
 * Raising an alert. Suspicious behaviour needs the guard screen read and
 * details beyond a person's appearance: what they did, where they went
 * and how they moved ("unknown" is an answer, silence is not).
 */
export const raiseAlertValidator = vine.create({
  alert_kind: vine.enum(ALERT_KINDS),
  alert_severity: vine.enum(SEVERITIES),
  alert_text: vine.string().trim().minLength(5).maxLength(alertSettings.textMax),
  place_latitude: vine.number().min(-90).max(90).optional().requiredIfExists('place_longitude'),
  place_longitude: vine.number().min(-180).max(180).optional().requiredIfExists('place_latitude'),
  guard_acknowledged: vine.accepted().optional().requiredWhen('alert_kind', 'in', SUSPICIOUS),
  alert_behaviour: vine
    .string()
    .trim()
    .minLength(20)
    .maxLength(280)
    .optional()
    .requiredWhen('alert_kind', 'in', SUSPICIOUS),
  alert_direction: vine
    .string()
    .trim()
    .minLength(3)
    .maxLength(120)
    .optional()
    .requiredWhen('alert_kind', 'in', SUSPICIOUS),
  alert_vehicle_kind: vine
    .enum(VEHICLE_KINDS)
    .optional()
    .requiredWhen('alert_kind', 'in', SUSPICIOUS),
  alert_vehicle_details: vine.string().trim().maxLength(120).optional(),
})

export const retractValidator = vine.create({
  retract_reason: vine.string().trim().minLength(5).maxLength(500),
})

/** The preferences form: one checkbox per channel and severity, quiet hours (both or none). */
const checkbox = () => vine.boolean().optional()
export const preferencesValidator = vine.create({
  push_info: checkbox(),
  push_urgent: checkbox(),
  push_critical: checkbox(),
  email_info: checkbox(),
  email_urgent: checkbox(),
  email_critical: checkbox(),
  sms_info: checkbox(),
  sms_urgent: checkbox(),
  sms_critical: checkbox(),
  quiet_start: vine.string().trim().use(timeOfDay()).optional().requiredIfExists('quiet_end'),
  quiet_end: vine.string().trim().use(timeOfDay()).optional().requiredIfExists('quiet_start'),
})

export const phoneValidator = vine.create({
  phone_number: vine
    .string()
    .trim()
    .maxLength(30)
    .use(mobilePhone())
    .transform((value) => toE164Mobile(value)!),
})

export const phoneCodeValidator = vine.create({
  phone_code: vine
    .string()
    .trim()
    .regex(/^\d{3}[\s-]?\d{3}$/)
    .transform((value) => value.replace(/[\s-]/g, '')),
})

/** What the browser's PushSubscription.toJSON() gives, posted by resources/js/alerts/push.js. */
const base64url = (min: number, max: number) =>
  vine
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/)
    .minLength(min)
    .maxLength(max)

export const pushSubscriptionValidator = vine.create({
  endpoint: vine
    .string()
    .trim()
    .maxLength(1000)
    .url({ protocols: ['https'], require_tld: true }),
  keys: vine.object({
    /** An uncompressed P-256 point: 65 bytes, 87 characters. */
    p256dh: base64url(80, 100),
    /** 16 random bytes: 22 characters. */
    auth: base64url(16, 30),
  }),
})

export const pushEndpointValidator = vine.create({
  endpoint: vine.string().trim().maxLength(1000),
})

/** GET /operators/alerts/dead-letters?channel=sms */
export const deadLettersQueryValidator = vine.create({
  channel: vine.enum(['push', 'email', 'sms'] as const).optional(),
})

/** Replaying one dead letter, or all of them. */
export const replayValidator = vine.create({
  delivery_id: vine.number().withoutDecimals().positive().optional(),
  all: vine.accepted().optional(),
})
