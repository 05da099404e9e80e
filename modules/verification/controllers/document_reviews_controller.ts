import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import DecideDocument from '#modules/verification/actions/documents/decide_document'
import OpenDocument from '#modules/verification/actions/documents/open_document'
import {
  documentForReview,
  documentInScope,
  pendingQueue,
  recentOutcomes,
} from '#modules/verification/queries/documents'
import {
  DocumentDecidedError,
  DocumentNotFoundError,
  OwnDocumentError,
  ResidentMovedError,
  SameAddressReviewError,
} from '#modules/verification/services/documents/errors'
import { reviewScopeOf, type ReviewScope } from '#modules/verification/services/documents/reviewers'
import { documentSettings } from '#modules/verification/services/documents/settings'
import { documentRejectionValidator } from '#modules/verification/validators/document_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const QUEUE_VIEW = 'verification::pages/documents/queue'
const REVIEW_VIEW = 'verification::pages/documents/review'
const NOT_REVIEWER_VIEW = 'verification::pages/documents/not_reviewer'

/**
 * Reviewing proof-of-address documents: operators see every pending one
 * (back office), a neighbourhood's moderators those of their
 * neighbourhoods (/verify/reviews). Both open the file, approve, or
 * reject with a reason. Anything outside the reviewer's scope is a 404.
 */
export default class DocumentReviewsController {
  /** Back office (`operator` middleware). */
  async index(ctx: HttpContext) {
    const scope = await this.scopeOrNotFound(ctx)
    return ctx.view.render(QUEUE_VIEW, await this.queueState(scope))
  }

  /** Moderators (and operators); other residents are told the page is not theirs. */
  async moderatorIndex(ctx: HttpContext) {
    const scope = await reviewScopeOf(this.viewerId(ctx))
    if (!scope) {
      return ctx.response.status(403).send(await ctx.view.render(NOT_REVIEWER_VIEW))
    }
    return ctx.view.render(QUEUE_VIEW, await this.queueState(scope))
  }

  async show(ctx: HttpContext) {
    const scope = await this.scopeOrNotFound(ctx)
    const id = idParam(ctx)
    return ctx.view.render(REVIEW_VIEW, await this.reviewState(ctx, scope, id))
  }

  /** Streams the file to an allowed reviewer; every opening is logged. */
  async file(ctx: HttpContext) {
    const scope = await this.scopeOrNotFound(ctx)
    const id = idParam(ctx)
    let opened
    try {
      opened = await new OpenDocument().execute(id, scope)
    } catch (error) {
      throw await this.refusal(ctx, scope, error)
    }
    const disposition = opened.kind === 'pdf' ? 'attachment' : 'inline'
    return ctx.response
      .header('Content-Type', opened.contentType)
      .header(
        'Content-Disposition',
        `${disposition}; filename="document-${opened.id}.${opened.extension}"`
      )
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Referrer-Policy', 'no-referrer')
      .send(Buffer.from(opened.bytes))
  }

  async approve(ctx: HttpContext) {
    const scope = await this.scopeOrNotFound(ctx)
    const id = idParam(ctx)
    let outcome
    try {
      outcome = await new DecideDocument().approve(id, scope)
    } catch (error) {
      throw await this.refusal(ctx, scope, error, id)
    }
    ctx.session.flash('success', `documents.flash.${outcome}`)
    return ctx.response.redirect(this.queueUrl(scope))
  }

  async reject(ctx: HttpContext) {
    const scope = await this.scopeOrNotFound(ctx)
    const id = idParam(ctx)
    try {
      /** Scope, ownership and state come before the form: a 404 stays a 404. */
      const document = await documentInScope(id, scope)
      if (!document) throw new DocumentNotFoundError()
      if (document.userId === scope.reviewerId) throw new OwnDocumentError()
      if (document.status !== 'pending') throw new DocumentDecidedError(document.status)
      const { reject_reason: reason } = await validateForm(
        ctx,
        documentRejectionValidator,
        REVIEW_VIEW,
        await this.reviewState(ctx, scope, id)
      )
      await new DecideDocument().reject(id, scope, reason)
    } catch (error) {
      throw await this.refusal(ctx, scope, error, id)
    }
    ctx.session.flash('success', 'documents.flash.rejected')
    return ctx.response.redirect(this.queueUrl(scope))
  }

  private viewerId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  /** Someone who reviews nothing cannot know any document exists. */
  private async scopeOrNotFound(ctx: HttpContext): Promise<ReviewScope> {
    const scope = await reviewScopeOf(this.viewerId(ctx))
    if (!scope) pageNotFound()
    return scope!
  }

  private queueUrl(scope: ReviewScope): string {
    return scope.operator
      ? urlFor('operators.verification.documents.index')
      : urlFor('verification.documents.reviews.index')
  }

  private async queueState(scope: ReviewScope) {
    const [pending, outcomes] = await Promise.all([pendingQueue(scope), recentOutcomes(scope)])
    return { pending, outcomes, backOffice: scope.operator, keepDays: documentSettings.keepDays }
  }

  private async reviewState(ctx: HttpContext, scope: ReviewScope, id: number) {
    const review = await documentForReview(id, scope)
    if (!review) pageNotFound()
    if (review!.userId === scope.reviewerId) {
      throw pageRefusal({
        view: QUEUE_VIEW,
        state: await this.queueState(scope),
        status: 403,
        message: ctx.i18n.t('documents.errors.own_document'),
      })
    }
    return {
      review: review!,
      backOffice: scope.operator,
      queueUrl: this.queueUrl(scope),
      reason: documentSettings.rejectReason,
    }
  }

  private async refusal(
    ctx: HttpContext,
    scope: ReviewScope,
    error: unknown,
    id?: number
  ): Promise<unknown> {
    if (error instanceof DocumentNotFoundError) pageNotFound()
    const onQueue = async (status: number, message: string) =>
      pageRefusal({ view: QUEUE_VIEW, state: await this.queueState(scope), status, message })
    const t = (key: string, values?: Record<string, string>) =>
      ctx.i18n.t(`documents.errors.${key}`, values)

    if (error instanceof OwnDocumentError) return onQueue(403, t('own_document'))
    if (error instanceof SameAddressReviewError) return onQueue(403, t('same_address'))
    if (error instanceof DocumentDecidedError) {
      return onQueue(409, t('decided', { status: ctx.i18n.t(`documents.status.${error.status}`) }))
    }
    if (error instanceof ResidentMovedError && id !== undefined) {
      return pageRefusal({
        view: REVIEW_VIEW,
        state: await this.reviewState(ctx, scope, id),
        status: 409,
        message: t('moved'),
      })
    }
    return error
  }
}
