import type { HttpContext } from '@adonisjs/core/http'
import {
  AlreadyAskedError,
  AlreadyVouchedError,
  CandidateVerifiedError,
  NoNeighbourhoodError,
  SameAddressError,
  SelfVouchError,
  TooManyAsksError,
  VoucherTooRecentError,
  VouchCountedError,
  VouchLimitError,
} from '#modules/verification/services/cooptation/errors'
import { cooptationSettings } from '#modules/verification/services/cooptation/settings'

export interface Refusal {
  status: number
  message: string
}

/**
 * The status and translated message for a co-optation refusal, or null
 * for errors that are not one (they go on to the exception handler: 404s,
 * the "verify your address first" page, real failures). `name` is the
 * other person as the page shows them.
 */
export function refusalOf(ctx: HttpContext, error: unknown, name = ''): Refusal | null {
  const { i18n } = ctx
  const date = (value: Date) => i18n.formatDate(value, { dateStyle: 'long' })
  const t = (key: string, values: Record<string, string | number> = {}) =>
    i18n.t(`cooptation.errors.${key}`, { name, ...values })

  if (error instanceof SelfVouchError) return { status: 403, message: t('self') }
  if (error instanceof CandidateVerifiedError) {
    return { status: 409, message: name ? t('candidate_verified') : t('already_verified') }
  }
  if (error instanceof VoucherTooRecentError) {
    return {
      status: 403,
      message: t('too_recent', {
        date: date(error.from),
        days: cooptationSettings.voucherSeniorityDays,
      }),
    }
  }
  if (error instanceof AlreadyVouchedError) {
    return { status: 409, message: name ? t('already_vouched') : t('already_vouches_for_you') }
  }
  if (error instanceof SameAddressError) {
    return { status: 403, message: name ? t('same_address') : t('same_address_ask') }
  }
  if (error instanceof VouchLimitError) {
    return {
      status: 429,
      message: t('limit', {
        date: date(error.nextOn),
        max: cooptationSettings.vouchesPerPeriod,
        days: cooptationSettings.periodDays,
      }),
    }
  }
  if (error instanceof VouchCountedError) return { status: 409, message: t('counted') }
  if (error instanceof NoNeighbourhoodError) return { status: 409, message: t('no_neighbourhood') }
  if (error instanceof AlreadyAskedError) return { status: 409, message: t('already_asked') }
  if (error instanceof TooManyAsksError) {
    return {
      status: 409,
      message: t('too_many_asks', {
        max: cooptationSettings.maxOutstandingAsks,
        days: cooptationSettings.askExpiresAfterDays,
      }),
    }
  }
  return null
}
