import vine from '@vinejs/vine'
import {
  MODERATOR_ACTIONS,
  REPORT_REASONS,
  moderationSettings as settings,
} from '#modules/moderation/services/settings'
import { reportableKinds } from '#modules/moderation/services/reportables'

/** Field names are prefixed (report_, moderation_, appeal_) so their messages in validator.json stay apart. */
export const reportValidator = vine.create({
  /** The registered kinds, read when validating (modules register theirs at boot). */
  kind: vine.enum(() => reportableKinds()),
  id: vine.number().withoutDecimals().min(1),
  report_reason: vine.enum(REPORT_REASONS),
  report_note: vine.string().trim().maxLength(settings.noteMax).optional(),
})

export const actionValidator = vine.create({
  moderation_action: vine.enum(MODERATOR_ACTIONS),
  moderation_reason: vine
    .string()
    .trim()
    .minLength(settings.reasonMin)
    .maxLength(settings.reasonMax),
  suspend_days: vine
    .number()
    .withoutDecimals()
    .min(1)
    .max(settings.suspendDaysMax)
    .optional()
    .requiredWhen('moderation_action', '=', 'suspend'),
})

export const appealValidator = vine.create({
  action_id: vine.number().withoutDecimals().min(1),
  appeal_text: vine.string().trim().minLength(settings.appealMin).maxLength(settings.appealMax),
})

export const appealDecisionValidator = vine.create({
  decision: vine.enum(['uphold', 'overturn'] as const),
  moderation_reason: vine
    .string()
    .trim()
    .minLength(settings.reasonMin)
    .maxLength(settings.reasonMax),
})

/** GET /reports/new?kind=&id= (the report form on its own page). */
export const reportFormQueryValidator = vine.create({
  kind: vine.enum(() => reportableKinds()),
  id: vine.number().withoutDecimals().min(1),
})
