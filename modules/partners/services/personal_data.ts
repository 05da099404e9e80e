import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/** Partner offers the resident opened (counted per resident); erased with the account. */
export const partnersPersonalData: PersonalDataSection = {
  name: 'partners',

  async export(userId: number) {
    const clicks = await db
      .from('partner_clicks')
      .where('user_id', userId)
      .orderBy('id')
      .select('plugin_id', 'offer_id', 'link_source', 'clicked_at')
    return { clicks }
  },

  async erase(userId: number, trx) {
    await trx.from('partner_clicks').where('user_id', userId).delete()
  },
}
