import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { appUrl } from '#config/app'
import { pageRefusal } from '#app/forms/page_refusal'
import { accounts } from '#modules/accounts/index'
import CreatePostcardBatch from '#modules/verification/actions/postcards/create_postcard_batch'
import MarkBatchPosted from '#modules/verification/actions/postcards/mark_batch_posted'
import PostcardBatch from '#modules/verification/models/postcard_batch'
import {
  countWaiting,
  printableCards,
  recentBatches,
  waitingRequests,
} from '#modules/verification/queries/postcards'
import { CSV_SEPARATOR, toCsv } from '#modules/verification/services/postcards/csv'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'
import { refusalMessage } from '#modules/verification/services/postcards/refusal_message'
import { postcardSettings } from '#modules/verification/services/postcards/settings'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INDEX_VIEW = 'verification::pages/postcards/index'
const PRINT_VIEW = 'verification::pages/postcards/print'
const CSV_HEADER = [
  'reference',
  'recipient_name',
  'complement',
  'street',
  'postcode',
  'town',
  'country',
  'code',
] as const

/**
 * Back office (operators only, `operator` middleware): requests waiting to
 * be printed, print batches, their print page and CSV (only until the
 * batch is posted: then the codes exist only as hashes) and marking a
 * batch posted.
 */
@inject()
export default class PostcardBatchesController {
  constructor(
    private createBatch: CreatePostcardBatch,
    private markPosted: MarkBatchPosted
  ) {}

  async index({ view }: HttpContext) {
    return view.render(INDEX_VIEW, await this.indexState())
  }

  async store(ctx: HttpContext) {
    try {
      const batch = await this.createBatch.execute(Number(ctx.auth.getUserOrFail().id))
      ctx.session.flash('success', { key: 'postcards.flash.batch_created', count: batch.size })
      return ctx.response.redirect().toRoute('operators.verification.postcards.print', {
        id: batch.id,
      })
    } catch (error) {
      throw await this.refusal(ctx, error)
    }
  }

  async print(ctx: HttpContext) {
    const batch = await this.printableBatch(ctx)
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render(PRINT_VIEW, {
      batch,
      cards: await printableCards(batch.id),
      verifyUrl: new URL('/verify', appUrl).href,
      /** The cards are always in French, whatever the operator reads. */
      card: i18nManager.locale('fr'),
    })
  }

  async csv(ctx: HttpContext) {
    const batch = await this.printableBatch(ctx)
    const cards = await printableCards(batch.id)
    const rows = cards.map((card) => [
      card.reference,
      card.recipientName,
      card.complement,
      card.street,
      card.postcode,
      card.town,
      'FRANCE',
      card.code,
    ])
    return ctx.response
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="cartes-postales-lot-${batch.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(toCsv(CSV_HEADER, rows))
  }

  async posted(ctx: HttpContext) {
    try {
      const batch = await this.markPosted.execute(idParam(ctx), Number(ctx.auth.getUserOrFail().id))
      ctx.session.flash('success', { key: 'postcards.flash.batch_posted', count: batch.size })
      return ctx.response.redirect().toRoute('operators.verification.postcards.index')
    } catch (error) {
      throw await this.refusal(ctx, error)
    }
  }

  private async indexState() {
    const [waiting, waitingCount, batches] = await Promise.all([
      waitingRequests(100),
      countWaiting(),
      recentBatches(),
    ])
    const people = await accounts.displayNames(
      batches
        .flatMap((batch) => [batch.createdById, batch.postedById])
        .filter((id): id is number => id !== null)
    )
    const names = new Map([...people].map(([id, name]) => [Number(id), name]))
    return {
      waiting,
      waitingCount,
      batches,
      names,
      cap: postcardSettings.batchCap,
      separator: CSV_SEPARATOR,
    }
  }

  /** The batch of the URL while its codes are still kept; 410 once posted. */
  private async printableBatch(ctx: HttpContext): Promise<PostcardBatch> {
    const batch = await PostcardBatch.find(idParam(ctx))
    if (!batch) return pageNotFound()
    if (batch.postedAt) throw await this.refusal(ctx, new PostcardRefusal('codes_gone', {}, 410))
    return batch
  }

  private async refusal(ctx: HttpContext, error: unknown): Promise<unknown> {
    if (!(error instanceof PostcardRefusal)) return error
    if (error.status === 404) return pageNotFound()
    return pageRefusal({
      view: INDEX_VIEW,
      state: await this.indexState(),
      status: error.status,
      message: refusalMessage(ctx, error),
    })
  }
}
