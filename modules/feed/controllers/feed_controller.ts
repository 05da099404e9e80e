import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { errors } from '@vinejs/vine'
import { pageRefusal } from '#app/forms/page_refusal'
import { feedState, type FeedState } from '#modules/feed/queries/feed_page'
import { toCard } from '#modules/feed/services/cards'
import { encodeCursor } from '#modules/feed/services/cursor'
import type { FeedFilters } from '#modules/feed/services/feed_source'
import { filterOptions } from '#modules/feed/services/filter_options'
import { feedPanels } from '#modules/feed/services/registry'
import { feedQueryInput, feedQueryValidator } from '#modules/feed/validators/feed_validators'

export const FEED_VIEW = 'feed::pages/show'

/** The feed's own URL with the filters (and a position), empty ones left out. */
function feedUrl(filters: FeedFilters, before?: string) {
  const qs: Record<string, string> = {}
  if (filters.kind) qs.kind = filters.kind
  if (filters.category) qs.category = filters.category
  if (filters.q) qs.q = filters.q
  if (before) qs.before = before
  return urlFor('feed.show', {}, { qs })
}

/**
 * "Mon quartier": the local feed of the signed-in resident, newest first,
 * filtered by kind, category and words, one page at a time ("Older"
 * carries an opaque keyset cursor). Unverified residents read it too.
 */
export default class FeedController {
  async show(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const locale = ctx.i18n.locale
    let query
    try {
      query = await feedQueryValidator.validate(feedQueryInput(ctx.request.qs()), {
        messagesProvider: ctx.i18n.createMessagesProvider('feed.validator'),
      })
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      const messages = error.messages as { field: string; message: string }[]
      const fieldErrors: Record<string, string[]> = {}
      for (const item of messages.filter((entry) => entry.field !== 'before')) {
        ;(fieldErrors[item.field] ??= []).push(item.message)
      }
      const state = await feedState(userId, locale, { filters: {}, before: null, withItems: false })
      throw pageRefusal({
        view: FEED_VIEW,
        state: this.viewState(ctx, state, {}, true),
        status: 422,
        message: messages.find((entry) => entry.field === 'before')?.message,
        fieldErrors,
      })
    }

    const filters: FeedFilters = { kind: query.kind, category: query.category, q: query.q }
    const state = await feedState(userId, locale, { filters, before: query.before ?? null })
    return ctx.view.render(FEED_VIEW, this.viewState(ctx, state, filters, !query.before))
  }

  private viewState(ctx: HttpContext, state: FeedState, filters: FeedFilters, firstPage: boolean) {
    const now = new Date()
    const justNow = ctx.i18n.t('feed.card.just_now')
    const options = filterOptions(ctx.i18n)
    const kindLabels = new Map(options.kinds.map((option) => [option.value, option.label]))
    const cards = (state.page?.items ?? []).map((item) =>
      toCard(item, {
        ownNeighbourhoodId: state.neighbourhood?.id ?? null,
        ownNeighbourhoodName: state.neighbourhood?.name ?? null,
        kindLabels,
        now,
        locale: ctx.i18n.locale,
        justNow,
      })
    )
    const next = state.page?.next
    return {
      placement: state.placement,
      verified: state.viewer.trust === 'verified',
      neighbourhood: state.neighbourhood,
      filters: { kind: filters.kind ?? '', category: filters.category ?? '', q: filters.q ?? '' },
      filtered: Boolean(filters.kind || filters.category || filters.q),
      options: {
        kinds: [{ value: '', label: ctx.i18n.t('feed.filters.kind_all') }, ...options.kinds],
        categories: [
          { value: '', label: ctx.i18n.t('feed.filters.category_all') },
          ...options.categories,
        ],
      },
      cards,
      /** Other modules' boxes above the items (registerFeedPanel). */
      panels: feedPanels(),
      firstPage,
      refused: state.page === null,
      skipped: (state.page?.skipped.length ?? 0) > 0,
      olderUrl: next ? feedUrl(filters, encodeCursor(next)) : null,
      firstPageUrl: feedUrl(filters),
      /** The exchange form; its module tells an unverified resident how to get verified. */
      publishUrl: urlFor('exchanges.create'),
      mineUrl: urlFor('exchanges.mine'),
      ridesUrl: urlFor('exchanges.rides.search'),
      /** The live "new posts" banner listens here (authorised by membership). */
      channel: state.neighbourhood ? `neighbourhoods/${state.neighbourhood.id}/feed` : null,
    }
  }
}
