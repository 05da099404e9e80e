import { inject } from '@adonisjs/core'
import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import {
  INVITATION_AUDIENCES,
  type InvitationAudience,
} from '#modules/neighbourhoods/models/invitation'
import PrintInvitationLetter from '#modules/neighbourhoods/actions/invitations/print_invitation_letter'
import SendEmailInvitation from '#modules/neighbourhoods/actions/invitations/send_email_invitation'
import SendSmsInvitation from '#modules/neighbourhoods/actions/invitations/send_sms_invitation'
import { invitationsToday, sentInvitations } from '#modules/neighbourhoods/queries/invitations'
import { formatCode } from '#modules/neighbourhoods/services/invitations/codes'
import {
  AlreadyInvitedError,
  DailyLimitError,
  InvitationNotSentError,
  NoHomeError,
  NotVerifiedError,
  RecipientOptedOutError,
  SmsUnavailableError,
} from '#modules/neighbourhoods/services/invitations/errors'
import { findInviter, type Inviter } from '#modules/neighbourhoods/services/invitations/inviters'
import { enterCodeUrl, joinUrl } from '#modules/neighbourhoods/services/invitations/links'
import { qrCodeSvg } from '#modules/neighbourhoods/services/invitations/qr_code'
import { invitationSettings } from '#modules/neighbourhoods/services/invitations/settings'
import { SmsSender } from '#app/sms/index'
import {
  emailInvitationValidator,
  letterQueryValidator,
  smsInvitationValidator,
} from '#modules/neighbourhoods/validators/invitation_validators'

const VIEW = 'neighbourhoods::pages/invitations/index'
const LETTER_VIEW = 'neighbourhoods::pages/invitations/letter'

/**
 * "Inviter mes voisins": e-mail, SMS and a printable letter, always to the
 * signed-in resident's own neighbourhood, and the list of what they sent
 * (theirs only).
 */
@inject()
export default class InvitationsController {
  constructor(
    private sms: SmsSender,
    private sendEmail: SendEmailInvitation,
    private sendSms: SendSmsInvitation,
    private printLetter: PrintInvitationLetter
  ) {}

  async show(ctx: HttpContext) {
    return ctx.view.render(VIEW, await this.pageState(ctx))
  }

  async storeEmail(ctx: HttpContext) {
    const state = await this.pageState(ctx)
    this.ensureHome(ctx, state.inviter, state)
    const data = await validateForm(ctx, emailInvitationValidator, VIEW, state)
    try {
      await this.sendEmail.execute(ctx.auth.getUserOrFail(), {
        recipient: data.recipient_email,
        audience: data.audience,
        message: data.personal_message,
      })
    } catch (error) {
      throw this.refusal(ctx, error, state, 'recipient_email')
    }
    ctx.session.flash('invitations', { key: 'email_sent', recipient: data.recipient_email })
    return ctx.response.redirect().toRoute('neighbourhoods.invitations.show')
  }

  async storeSms(ctx: HttpContext) {
    const state = await this.pageState(ctx)
    this.ensureHome(ctx, state.inviter, state)
    if (!state.smsEnabled) throw this.refusal(ctx, new SmsUnavailableError(), state)
    if (!state.inviter!.verified) throw this.refusal(ctx, new NotVerifiedError(), state)
    const data = await validateForm(ctx, smsInvitationValidator, VIEW, state)
    try {
      await this.sendSms.execute(ctx.auth.getUserOrFail(), { phone: data.recipient_phone })
    } catch (error) {
      throw this.refusal(ctx, error, state, 'recipient_phone')
    }
    ctx.session.flash('invitations', { key: 'sms_sent' })
    return ctx.response.redirect().toRoute('neighbourhoods.invitations.show')
  }

  async letter(ctx: HttpContext) {
    let audience: InvitationAudience = 'neighbour'
    try {
      const query = await letterQueryValidator.validate(ctx.request.qs())
      audience = query.for ?? 'neighbour'
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return ctx.response.redirect().toRoute('neighbourhoods.invitations.letter')
    }
    try {
      const { invitation, inviter } = await this.printLetter.execute(
        ctx.auth.getUserOrFail(),
        audience
      )
      const url = joinUrl(invitation.code)
      return ctx.view.render(LETTER_VIEW, {
        inviter,
        audience,
        otherAudiences: INVITATION_AUDIENCES.filter((item) => item !== audience),
        url,
        enterCodeUrl: enterCodeUrl(),
        code: formatCode(invitation.code),
        expiresAt: invitation.expiresAt.toJSDate(),
        qrCode: await qrCodeSvg(url, ctx.i18n.t('invitations.letter.qr_label')),
      })
    } catch (error) {
      /** No home: the invite page explains what to do first. */
      if (error instanceof NoHomeError) {
        return ctx.response.redirect().toRoute('neighbourhoods.invitations.show')
      }
      throw error
    }
  }

  /** Everything the invite page shows; also given to FormError, which renders it again. */
  private async pageState(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const inviter = await findInviter(user)
    const [invitations, today] = inviter
      ? await Promise.all([
          sentInvitations(user.id, invitationSettings.listed),
          invitationsToday(user.id),
        ])
      : [[], { email: 0, sms: 0 }]
    return {
      inviter,
      invitations,
      smsEnabled: this.sms.enabled,
      limits: {
        email: invitationSettings.emailsPerDay,
        sms: invitationSettings.smsPerDay,
        emailLeft: Math.max(0, invitationSettings.emailsPerDay - today.email),
        smsLeft: Math.max(0, invitationSettings.smsPerDay - today.sms),
      },
      ttlDays: invitationSettings.ttlDays,
    }
  }

  private ensureHome(ctx: HttpContext, inviter: Inviter | null, state: Record<string, unknown>) {
    if (!inviter) throw this.refusal(ctx, new NoHomeError(), state)
  }

  /** A use case's refusal as the page again, with a translated message. */
  private refusal(
    ctx: HttpContext,
    error: unknown,
    state: Record<string, unknown>,
    field?: string
  ): unknown {
    const t = (key: string, data?: Record<string, unknown>) =>
      ctx.i18n.t(`invitations.errors.${key}`, data)
    const page = (status: number, formMessage: string) =>
      keepOutOfLogs(new FormError({ view: VIEW, state, status, formMessage }))

    if (error instanceof NoHomeError) return page(403, t('no_home'))
    if (error instanceof NotVerifiedError) return page(403, t('sms_not_verified'))
    if (error instanceof SmsUnavailableError) return page(403, t('sms_unavailable'))
    if (error instanceof DailyLimitError) {
      const key = field === 'recipient_phone' ? 'sms_limit' : 'email_limit'
      return page(429, t(key, { limit: error.limit }))
    }
    if (error instanceof AlreadyInvitedError && field) {
      return keepOutOfLogs(
        new FormError({ view: VIEW, state, fieldErrors: { [field]: [t('already_invited')] } })
      )
    }
    if (error instanceof RecipientOptedOutError && field) {
      return keepOutOfLogs(
        new FormError({ view: VIEW, state, fieldErrors: { [field]: [t('opted_out')] } })
      )
    }
    if (error instanceof InvitationNotSentError) {
      const key = field === 'recipient_phone' ? 'sms_not_sent' : 'email_not_sent'
      return page(503, t(key))
    }
    return error
  }
}

/**
 * The exception handler logs a 5xx error with its properties: the page
 * state (recipients' addresses and numbers) must not go with it.
 */
function keepOutOfLogs(error: FormError): FormError {
  Object.defineProperty(error, 'state', { enumerable: false })
  return error
}
