import { accounts } from '#modules/accounts/index'
import { personalDataSections } from '#modules/privacy/services/personal_data'

export interface PersonalDataArchive {
  format: 'quartier-export'
  version: 1
  exportedAt: string
  userId: number
  sections: Record<string, unknown>
}

/**
 * Everything the resident provided, section by section as each module
 * registered it. Sections run one after the other (the embedded database
 * has one connection).
 */
export default class ExportPersonalData {
  async execute(userId: number): Promise<PersonalDataArchive> {
    const sections: Record<string, unknown> = {}
    const resident = await accounts.findResident(userId)
    if (!resident) throw new Error('no such account')
    for (const section of personalDataSections()) {
      sections[section.name] = await section.export(userId)
    }
    return {
      format: 'quartier-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      userId,
      sections,
    }
  }
}
