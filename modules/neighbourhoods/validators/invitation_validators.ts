import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { INVITATION_AUDIENCES } from '#modules/neighbourhoods/models/invitation'
import { normaliseCode } from '#modules/neighbourhoods/services/invitations/codes'
import { toE164Mobile } from '#app/sms/phone_numbers'

/** A number that can receive an SMS ("06 12 34 56 78", "+33 6 ...", "+32 ..."). */
const mobilePhone = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!toE164Mobile(value)) {
    field.report('Enter a mobile phone number', 'mobilePhone', field)
  }
})

/** 10 letters and digits, dashes and spaces ignored ("abcd efgh-jk"). */
const invitationCode = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!normaliseCode(value)) {
    field.report('Enter the code of your invitation', 'invitationCode', field)
  }
})

/** Field names differ from the SMS form's: both forms share one page. */
export const emailInvitationValidator = vine.create({
  recipient_email: vine.string().trim().maxLength(254).email().toLowerCase(),
  audience: vine.enum(INVITATION_AUDIENCES),
  personal_message: vine.string().trim().maxLength(500).optional(),
})

export const smsInvitationValidator = vine.create({
  recipient_phone: vine
    .string()
    .trim()
    .maxLength(30)
    .use(mobilePhone())
    .transform((value) => toE164Mobile(value)!),
})

/** GET /neighbourhood/invite/letter?for=association */
export const letterQueryValidator = vine.create({
  for: vine.enum(INVITATION_AUDIENCES).optional(),
})

/** GET /join?invitation_code=ABCD-EFGH-JK (the code typed from a letter). */
export const joinCodeValidator = vine.create({
  invitation_code: vine
    .string()
    .trim()
    .maxLength(40)
    .use(invitationCode())
    .transform((value) => normaliseCode(value)!),
})
