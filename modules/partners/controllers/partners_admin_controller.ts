import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import SwitchPlugin from '#modules/partners/actions/switch_plugin'
import { operatorPageState } from '#modules/partners/queries/operator_page'
import { switchValidator } from '#modules/partners/validators/partner_validators'

const VIEW = 'partners::pages/operators/plugins'

/**
 * Back office (operators only, `operator` middleware): every partner
 * plugin with its health, last error and call statistics, the ones that
 * failed to load and why, and a switch per plugin and town.
 */
export default class PartnersAdminController {
  async index(ctx: HttpContext) {
    return ctx.view.render(VIEW, await operatorPageState())
  }

  async switch(ctx: HttpContext) {
    const data = await validateForm(ctx, switchValidator, VIEW, await operatorPageState())
    await new SwitchPlugin().execute({
      pluginId: data.plugin,
      townId: data.town_id,
      enabled: data.state === 'on',
      operatorId: Number(ctx.auth.getUserOrFail().id),
    })
    ctx.session.flash(
      'success',
      data.state === 'on' ? 'partners.flash.switched_on' : 'partners.flash.switched_off'
    )
    return ctx.response.redirect().toRoute('operators.partners.index')
  }
}
