import type { HttpContext } from '@adonisjs/core/http'
import ManageMembers from '#modules/organisations/actions/manage_members'
import { managedOrganisation } from '#modules/organisations/queries/organisation_access'
import { membersState } from '#modules/organisations/queries/pages'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import {
  memberRoleValidator,
  memberSearchValidator,
  memberValidator,
} from '#modules/organisations/validators/organisation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'organisations::pages/members'

/**
 * Members of an organisation: every member sees the list; owners add
 * (exact e-mail of an existing account, or a name search) and remove;
 * anyone may leave except the last owner.
 */
export default class MembersController {
  async index(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id, '') })
    const state = await this.state(ctx, id, '')
    const { q } = await validateOrgForm(ctx, memberSearchValidator, page, ctx.request.qs())
    return ctx.view.render(VIEW, q ? await this.state(ctx, id, q) : state)
  }

  async store(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id, '') })
    await this.state(ctx, id, '')
    const input = await validateOrgForm(ctx, memberValidator, page)
    try {
      await new ManageMembers().add(this.userId(ctx), id, {
        email: input.email,
        userId: input.user_id,
        role: input.role,
      })
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.member_added')
    return ctx.response.redirect(`/organisations/${id}/members`)
  }

  async destroy(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id, '') })
    try {
      await new ManageMembers().remove(this.userId(ctx), id, idParam(ctx, 'userId'))
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.member_removed')
    return ctx.response.redirect(`/organisations/${id}/members`)
  }

  /** The owner makes an editor owner or an owner editor (never the last owner). */
  async role(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id, '') })
    await this.state(ctx, id, '')
    const { role } = await validateOrgForm(ctx, memberRoleValidator, page)
    try {
      await new ManageMembers().changeRole(this.userId(ctx), id, idParam(ctx, 'userId'), role)
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.role_changed')
    return ctx.response.redirect(`/organisations/${id}/members`)
  }

  async leave(ctx: HttpContext) {
    const id = idParam(ctx)
    const userId = this.userId(ctx)
    const page = async () => ({ view: VIEW, state: await this.state(ctx, id, '') })
    try {
      await new ManageMembers().remove(userId, id, userId)
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'organisations.flash.left')
    return ctx.response.redirect('/organisations')
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async state(ctx: HttpContext, id: number, q: string) {
    try {
      const { organisation, role } = await managedOrganisation(id, this.userId(ctx))
      return await membersState(organisation, role, q)
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }
}
