import { rm } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import CreateOrganisation from '#modules/organisations/actions/create_organisation'
import ManagePhotos from '#modules/organisations/actions/manage_photos'
import ToggleRecommendation from '#modules/organisations/actions/toggle_recommendation'
import UpdateOrganisation from '#modules/organisations/actions/update_organisation'
import {
  managedOrganisation,
  membershipsOf,
  viewableOrganisation,
} from '#modules/organisations/queries/organisation_access'
import { manageState, storefrontState } from '#modules/organisations/queries/pages'
import { managePath, storefrontPath } from '#modules/organisations/services/links'
import { photoStorage, preparePhoto, uploadedFiles } from '#modules/organisations/services/photos'
import { profileInput, profileValues } from '#modules/organisations/services/profile_form'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import { CATEGORIES, KINDS, organisationSettings } from '#modules/organisations/services/settings'
import {
  createOrganisationValidator,
  profileValidator,
} from '#modules/organisations/validators/organisation_validators'
import db from '@adonisjs/lucid/services/db'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INDEX_VIEW = 'organisations::pages/index'
const CREATE_VIEW = 'organisations::pages/create'
const SHOW_VIEW = 'organisations::pages/show'
const MANAGE_VIEW = 'organisations::pages/manage'
const EDIT_VIEW = 'organisations::pages/edit'

/** Paris, until the person places the point. */
const DEFAULT_CENTER = '48.8566,2.3522'

/**
 * Opening an organisation, its public page (storefront), its management
 * page, editing it, photos and recommendations.
 */
export default class OrganisationsController {
  async index(ctx: HttpContext) {
    return ctx.view.render(INDEX_VIEW, { memberships: await membershipsOf(this.userId(ctx)) })
  }

  async create(ctx: HttpContext) {
    return ctx.view.render(CREATE_VIEW, this.createState())
  }

  async store(ctx: HttpContext) {
    const page = async () => ({ view: CREATE_VIEW, state: this.createState() })
    const input = await validateOrgForm(ctx, createOrganisationValidator, page)
    let id: number
    try {
      id = await new CreateOrganisation().execute(this.userId(ctx), input)
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.created')
    return ctx.response.redirect(managePath(id))
  }

  async show(ctx: HttpContext) {
    const userId = this.userId(ctx)
    try {
      const { organisation, role } = await viewableOrganisation(idParam(ctx), userId)
      return ctx.view.render(SHOW_VIEW, await storefrontState(organisation, role, userId))
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }

  async manage(ctx: HttpContext) {
    return ctx.view.render(MANAGE_VIEW, await this.manageState(ctx, idParam(ctx)))
  }

  async edit(ctx: HttpContext) {
    return ctx.view.render(EDIT_VIEW, await this.editState(ctx, idParam(ctx)))
  }

  async update(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: EDIT_VIEW, state: await this.editState(ctx, id) })
    /** Membership first: an outsider's post is a 404 whatever it holds. */
    await this.editState(ctx, id)
    const fields = await validateOrgForm(ctx, profileValidator, page)
    try {
      await new UpdateOrganisation().execute(this.userId(ctx), id, profileInput(fields))
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.updated')
    return ctx.response.redirect(storefrontPath(id))
  }

  async recommend(ctx: HttpContext) {
    const id = idParam(ctx)
    const userId = this.userId(ctx)
    try {
      const now = await new ToggleRecommendation().execute(userId, id)
      ctx.session.flash(
        'success',
        now ? 'organisations.flash.recommended' : 'organisations.flash.unrecommended'
      )
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => {
        const { organisation, role } = await viewableOrganisation(id, userId)
        return { view: SHOW_VIEW, state: await storefrontState(organisation, role, userId) }
      })
    }
    return ctx.response.redirect(storefrontPath(id))
  }

  async addPhotos(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: EDIT_VIEW, state: await this.editState(ctx, id) })
    try {
      await this.editState(ctx, id)
      const uploads = await uploadedFiles(ctx, 'photos', organisationSettings.photos.max)
      const photos = []
      for (const upload of uploads) photos.push(await preparePhoto(upload, 'photos'))
      await new ManagePhotos().add(this.userId(ctx), id, photos)
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    } finally {
      await removeTmpFiles(ctx)
    }
    ctx.session.flash('success', 'organisations.flash.photos_added')
    return ctx.response.redirect(`/organisations/${id}/edit`)
  }

  async removePhoto(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      await new ManagePhotos().remove(this.userId(ctx), id, idParam(ctx, 'photoId'))
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
    ctx.session.flash('success', 'organisations.flash.photo_removed')
    return ctx.response.redirect(`/organisations/${id}/edit`)
  }

  /** A storefront photo, to whoever may see the storefront. */
  async photo(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      await viewableOrganisation(id, this.userId(ctx))
    } catch {
      pageNotFound()
    }
    const photo = await db
      .from('organisation_photos')
      .where({ id: idParam(ctx, 'photoId'), organisation_id: id })
      .first()
    if (!photo) pageNotFound()
    return sendImage(ctx, photo.storage_key, photo.content_type)
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private createState() {
    return {
      kinds: KINDS.map((kind) => ({ value: kind, label: `organisations.kinds.${kind}` })),
      map: neighbourhoodsConfig.map,
      center: DEFAULT_CENTER,
    }
  }

  private async manageState(ctx: HttpContext, id: number) {
    try {
      const { organisation, role } = await managedOrganisation(id, this.userId(ctx))
      return await manageState(organisation, role)
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }

  private async editState(ctx: HttpContext, id: number) {
    try {
      const { organisation, role } = await managedOrganisation(id, this.userId(ctx))
      const photos = await db
        .from('organisation_photos')
        .where('organisation_id', id)
        .orderBy('id')
        .select('id')
      return {
        organisation,
        role,
        values: profileValues(organisation),
        categories: CATEGORIES,
        photos: photos.map((photo) => ({
          id: Number(photo.id),
          url: `/organisations/${id}/photos/${photo.id}`,
        })),
        limits: organisationSettings,
        map: neighbourhoodsConfig.map,
        weekdays: ['1', '2', '3', '4', '5', '6', '7'],
      }
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }
}

/** Stored (re-encoded) image bytes, typed by what was stored. */
export async function sendImage(ctx: HttpContext, key: string, contentType: string) {
  let bytes: Uint8Array
  try {
    bytes = await photoStorage.read(key)
  } catch {
    return pageNotFound()
  }
  return ctx.response
    .header('Content-Type', contentType)
    .header('Cache-Control', 'private, max-age=3600')
    .header('X-Content-Type-Options', 'nosniff')
    .send(Buffer.from(bytes))
}

/** Uploaded files wait in the system's temporary folder: removed whatever happened. */
export async function removeTmpFiles(ctx: HttpContext) {
  const files = Object.values(ctx.request.allFiles()).flat()
  await Promise.all(
    files.map((file: any) => (file?.tmpPath ? rm(file.tmpPath, { force: true }) : undefined))
  )
}
