import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import PublishOffer from '#modules/organisations/actions/publish_offer'
import {
  removeTmpFiles,
  sendImage,
} from '#modules/organisations/controllers/organisations_controller'
import {
  managedOrganisation,
  viewableOrganisation,
} from '#modules/organisations/queries/organisation_access'
import { OrganisationNotFoundError } from '#modules/organisations/services/errors'
import { storefrontPath } from '#modules/organisations/services/links'
import { addDays, parisToday } from '#modules/organisations/services/paris_time'
import { preparePhoto, uploadedFiles } from '#modules/organisations/services/photos'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import { organisationSettings } from '#modules/organisations/services/settings'
import { offerValidator } from '#modules/organisations/validators/organisation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'organisations::pages/offer_form'

/** A shop's offers: the form (members of a shop), and an offer's photo (storefront readers). */
export default class OffersController {
  async create(ctx: HttpContext) {
    return ctx.view.render(VIEW, await this.state(ctx, idParam(ctx)))
  }

  async store(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id) })
    try {
      await this.state(ctx, id)
      const input = await validateOrgForm(ctx, offerValidator, page)
      const [upload] = await uploadedFiles(ctx, 'photo', 1)
      const photo = upload ? await preparePhoto(upload, 'photo') : null
      await new PublishOffer().execute(
        this.userId(ctx),
        id,
        { title: input.title, text: input.text, validUntil: input.valid_until },
        photo,
        { locale: ctx.i18n.locale }
      )
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    } finally {
      await removeTmpFiles(ctx)
    }
    ctx.session.flash('success', 'organisations.flash.offer_published')
    return ctx.response.redirect(storefrontPath(id))
  }

  async photo(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      await viewableOrganisation(id, this.userId(ctx))
    } catch {
      pageNotFound()
    }
    const offer = await db
      .from('shop_offers')
      .where({ id: idParam(ctx, 'offerId'), organisation_id: id })
      .whereNotNull('photo_key')
      .first()
    if (!offer) pageNotFound()
    return sendImage(ctx, offer.photo_key, offer.photo_type)
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async state(ctx: HttpContext, id: number) {
    try {
      const { organisation } = await managedOrganisation(id, this.userId(ctx))
      if (organisation.kind !== 'shop') throw new OrganisationNotFoundError()
      const today = parisToday()
      return {
        organisation,
        values: { valid_until: addDays(today, 14) },
        minDay: today,
        maxDay: addDays(today, organisationSettings.offer.maxDaysValid),
        limits: organisationSettings.offer,
      }
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }
}
