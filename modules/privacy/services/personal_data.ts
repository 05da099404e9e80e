import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * What one module holds about a resident, for the self-service export and
 * erasure. Each module that stores rows written by or about a resident
 * registers one section from its provider's boot(), so the privacy module
 * never reads other modules' tables.
 */
export interface PersonalDataSection {
  /** Key of this section in the export archive, e.g. 'exchanges'. */
  name: string
  /** Everything the resident provided here, as plain JSON (never another resident's private data). */
  export(userId: number): Promise<unknown>
  /**
   * Runs inside the erasure transaction (use trx only): delete the
   * resident's private rows; content others still need (a thread, a
   * campaign) stays but no longer names them ("former resident").
   */
  erase(userId: number, trx: TransactionClientContract): Promise<void>
}

const sections = new Map<string, PersonalDataSection>()

export function registerPersonalData(section: PersonalDataSection) {
  sections.set(section.name, section)
}

export function personalDataSections(): PersonalDataSection[] {
  return [...sections.values()]
}
