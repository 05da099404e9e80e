import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Accounts module: mounts its views as `accounts::...`; residents' profiles
 * are reportable to moderation as 'profile'.
 */
export default class AccountsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('accounts', new URL('./views', import.meta.url))
    const personalData = await import('#modules/accounts/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.accountsPersonalData)
    const { profileReportable } = await import('#modules/accounts/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(profileReportable)
  }
}
