import vine from '@vinejs/vine'
import { DIGEST_FREQUENCIES } from '#modules/notifications/services/preferences'

/** GET /notifications?before=<ms>-<id> (the "Older" link). */
export const centreQueryValidator = vine.create({
  before: vine
    .string()
    .maxLength(40)
    .regex(/^\d{1,15}-\d{1,15}$/)
    .optional(),
})

/**
 * The preferences form: the digest rhythm, and one checkbox per type
 * (`email_<type>` with dots as "__": field names stay plain). Types not
 * sent are unticked; unknown names are ignored by the action.
 */
export const preferencesValidator = vine.create({
  digest_frequency: vine.enum(DIGEST_FREQUENCIES),
  email: vine.array(vine.string().maxLength(60)).maxLength(100).optional(),
})
