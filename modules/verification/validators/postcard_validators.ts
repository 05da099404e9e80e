import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { normaliseCode } from '#modules/verification/services/postcards/codes'
import { postcardSettings } from '#modules/verification/services/postcards/settings'

const { nameMax, complementMax, streetMax, townMax } = postcardSettings

/** Field names are prefixed so that their messages in validator.json stay apart. */
export const postcardRequestValidator = vine.create({
  postcard_name: vine.string().trim().minLength(2).maxLength(nameMax),
  postcard_complement: vine.string().trim().maxLength(complementMax).optional(),
  postcard_street: vine.string().trim().minLength(5).maxLength(streetMax),
  postcard_postcode: vine
    .string()
    .trim()
    .regex(/^\d{5}$/),
  postcard_town: vine.string().trim().minLength(2).maxLength(townMax),
})

/** 8 letters and digits as printed; case, spaces and dashes ignored ("abcd efgh"). */
const postcardCode = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!normaliseCode(value)) field.report('Enter the code of your postcard', 'postcardCode', field)
})

export const postcardCodeValidator = vine.create({
  code: vine
    .string()
    .trim()
    .maxLength(20)
    .use(postcardCode())
    .transform((value) => normaliseCode(value)!),
})
