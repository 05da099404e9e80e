import vine from '@vinejs/vine'
import { SUPPORTED_LOCALES } from '#app/i18n/locale'
import { notCommonPassword } from '#modules/accounts/validators/not_common_password'

/**
 * Field rules shared by the accounts forms, so that sign-up, profile and
 * security forms accept exactly the same values.
 */
export const displayName = () => vine.string().trim().minLength(2).maxLength(60)

export const email = () => vine.string().trim().maxLength(254).email().toLowerCase()

export const homeAddress = () => vine.string().trim().minLength(5).maxLength(200)

export const newPassword = () => vine.string().minLength(10).maxLength(128).use(notCommonPassword())

/** Checked against the hash, so no strength rule, only a sane length. */
export const currentPassword = () => vine.string().minLength(1).maxLength(128)

export const locale = () => vine.enum(SUPPORTED_LOCALES)
