import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { checkBeforePublishing } from '#modules/moderation/index'
import PublishExchange from '#modules/exchanges/actions/publish_exchange'
import UpdateExchange from '#modules/exchanges/actions/update_exchange'
import ExchangePhoto from '#modules/exchanges/models/exchange_photo'
import { visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { exchangePageState } from '#modules/exchanges/queries/exchange_page'
import { myExchanges, myParticipations } from '#modules/exchanges/queries/my_exchanges'
import { rideDetails } from '#modules/exchanges/queries/ride_details'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangePath, photoPath } from '#modules/exchanges/services/exchange_links'
import { readExchangeForm } from '#modules/exchanges/services/exchange_form'
import {
  FORM_VIEW,
  defaultValues,
  formState,
  valuesOf,
} from '#modules/exchanges/services/form_state'
import { photoStorage } from '#modules/exchanges/services/photo_storage'
import { exchangeRefusal } from '#modules/exchanges/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/exchanges/services/show_page'
import { DIRECTIONS, KINDS, type Direction, type Kind } from '#modules/exchanges/services/settings'
import { removeUploadedTmpFiles, uploadedPhotos } from '#modules/exchanges/services/uploads'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const CHOOSE_VIEW = 'exchanges::pages/choose'
const MINE_VIEW = 'exchanges::pages/mine'

function kindOf(value: unknown): Kind | null {
  return (KINDS as readonly unknown[]).includes(value) ? (value as Kind) : null
}

function directionOf(value: unknown): Direction {
  return (DIRECTIONS as readonly unknown[]).includes(value) ? (value as Direction) : 'offer'
}

/**
 * Posting, reading and editing exchanges. A refused form comes back with
 * its messages and what was typed (photos must be chosen again: nothing
 * was kept); nothing is written.
 */
export default class ExchangesController {
  /** Without a kind: what would you like to post? With one: its form. */
  async create(ctx: HttpContext) {
    const kind = kindOf(ctx.request.qs().kind)
    if (!kind) return ctx.view.render(CHOOSE_VIEW, { kinds: KINDS })
    const direction = directionOf(ctx.request.qs().direction)
    return ctx.view.render(
      FORM_VIEW,
      await formState(ctx, { kind, direction, values: defaultValues(kind, direction) })
    )
  }

  async store(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const raw = ctx.request.all()
    const kind = kindOf(raw.kind) ?? 'gift'
    const direction = directionOf(raw.direction)
    const page = async () => ({
      view: FORM_VIEW,
      state: await formState(ctx, { kind, direction, values: defaultValues(kind, direction) }),
    })
    let exchangeId: number
    try {
      const { input, fieldErrors } = await readExchangeForm(raw, ctx.i18n)
      if (!input) {
        const { state } = await page()
        throw new FormError({ view: FORM_VIEW, state, fieldErrors })
      }
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'exchange',
        texts: [input.title, input.description],
        page,
      })
      const photos = await uploadedPhotos(ctx)
      const exchange = await new PublishExchange().execute(userId, input, photos)
      exchangeId = exchange.id
    } catch (error) {
      throw await exchangeRefusal(ctx, error, page)
    } finally {
      await removeUploadedTmpFiles(ctx)
    }
    ctx.session.flash('success', 'exchanges.flash.published')
    return ctx.response.redirect(exchangePath(exchangeId))
  }

  async show(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const exchange = await visibleExchange(id, userId)
      return ctx.view.render(SHOW_VIEW, await exchangePageState(exchange, userId, ctx.i18n.locale))
    } catch (error) {
      throw await exchangeRefusal(ctx, error, async () => pageNotFound())
    }
  }

  async edit(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const exchange = await authoredExchange(id, userId)
      if (exchange.status !== 'open') throw new ExchangeRefusal('not_editable', 409)
      return ctx.view.render(FORM_VIEW, await this.editState(ctx, id))
    } catch (error) {
      throw await exchangeRefusal(ctx, error, () => showPage(ctx, id))
    }
  }

  async update(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const exchange = await authoredExchange(id, userId)
      if (exchange.status !== 'open') throw new ExchangeRefusal('not_editable', 409)
      const { input, fieldErrors } = await readExchangeForm(ctx.request.all(), ctx.i18n, {
        kind: exchange.kind,
        direction: exchange.direction,
      })
      if (!input) {
        throw new FormError({ view: FORM_VIEW, state: await this.editState(ctx, id), fieldErrors })
      }
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'exchange',
        edit: true,
        texts: [input.title, input.description],
        page: async () => ({ view: FORM_VIEW, state: await this.editState(ctx, id) }),
      })
      const remove = ([] as unknown[])
        .concat(ctx.request.input('remove_photos') ?? [])
        .map(Number)
        .filter(Number.isSafeInteger)
      const stored = await ExchangePhoto.query().where('exchangeId', id)
      const kept = stored.filter((photo) => !remove.includes(photo.id)).length
      const photos = await uploadedPhotos(ctx, kept)
      await new UpdateExchange().execute(userId, id, input, photos, remove)
    } catch (error) {
      throw await exchangeRefusal(ctx, error, async () => ({
        view: FORM_VIEW,
        state: await this.editState(ctx, id),
      }))
    } finally {
      await removeUploadedTmpFiles(ctx)
    }
    ctx.session.flash('success', 'exchanges.flash.updated')
    return ctx.response.redirect(exchangePath(id))
  }

  async mine(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const [exchanges, participations] = await Promise.all([
      myExchanges(userId),
      myParticipations(userId),
    ])
    return ctx.view.render(MINE_VIEW, { exchanges, participations })
  }

  /**
   * A photo, to whoever may see its exchange: re-encoded bytes, typed by
   * what was stored, never sniffed by the browser, never cached by shared
   * caches.
   */
  async photo(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    const photoId = idParam(ctx, 'photoId')
    try {
      await visibleExchange(id, userId)
    } catch (error) {
      throw await exchangeRefusal(ctx, error, async () => pageNotFound())
    }
    const photo = await ExchangePhoto.query().where({ id: photoId, exchangeId: id }).first()
    if (!photo) pageNotFound()
    let bytes: Uint8Array
    try {
      bytes = await photoStorage.read(photo!.storageKey)
    } catch {
      pageNotFound()
    }
    const extension = photo!.contentType === 'image/png' ? 'png' : 'jpg'
    return ctx.response
      .header('Content-Type', photo!.contentType)
      .header('Content-Disposition', `inline; filename="photo-${photo!.id}.${extension}"`)
      .header('Cache-Control', 'private, max-age=3600')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(Buffer.from(bytes!))
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async editState(ctx: HttpContext, id: number) {
    const exchange = await authoredExchange(id, this.userId(ctx))
    const ride = exchange.kind === 'ride' ? await rideDetails(id) : null
    const photos = await ExchangePhoto.query().where('exchangeId', id).orderBy('id')
    return formState(ctx, {
      kind: exchange.kind,
      direction: exchange.direction,
      values: valuesOf(exchange, ride, ctx.i18n.locale),
      exchange,
      photos: photos.map((photo) => ({ id: photo.id, url: photoPath(id, photo.id) })),
    })
  }
}
