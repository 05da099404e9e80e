import vine from '@vinejs/vine'
import { MESSAGE_MAX_LENGTH } from '#modules/messaging/services/rules'

/** The reply form. The field name is prefixed so its messages in validator.json stay apart. */
export const replyValidator = vine.create({
  message_body: vine.string().trim().minLength(1).maxLength(MESSAGE_MAX_LENGTH),
})

/** Keyset cursors in query strings: a message or conversation id. */
export const threadQueryValidator = vine.create({
  before: vine.number().withoutDecimals().min(1).optional(),
})

export const inboxQueryValidator = vine.create({
  after: vine.number().withoutDecimals().min(1).optional(),
})

export const sinceQueryValidator = vine.create({
  after: vine.number().withoutDecimals().min(0),
})
