import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'
import { handOverOrganisations } from '#modules/organisations/services/departure'

/**
 * Organisations the resident belongs to, their recommendations, replies
 * to notices and shop offers they wrote. Erasure hands organisations they
 * alone owned to an editor, ends memberships and recommendations; replies and offers stay ("former resident").
 */
export const organisationsPersonalData: PersonalDataSection = {
  name: 'organisations',

  async export(userId: number) {
    const memberships = await db
      .from('organisation_members as m')
      .join('organisations as o', 'o.id', 'm.organisation_id')
      .where('m.user_id', userId)
      .orderBy('m.created_at')
      .select('o.name as organisation', 'o.kind', 'm.role', 'm.created_at')
    const recommendations = await db
      .from('organisation_recommendations as r')
      .join('organisations as o', 'o.id', 'r.organisation_id')
      .where('r.user_id', userId)
      .select('o.name as organisation', 'r.created_at')
    const noticeReplies = await db
      .from('notice_replies as r')
      .join('notices as n', 'n.id', 'r.notice_id')
      .where('r.author_id', userId)
      .orderBy('r.id')
      .select('n.title as notice', 'r.text', 'r.created_at')
    const shopOffers = await db
      .from('shop_offers')
      .where('author_id', userId)
      .orderBy('id')
      .select('title', 'text', 'created_at')
    return { memberships, recommendations, noticeReplies, shopOffers }
  },

  async erase(userId: number, trx) {
    await handOverOrganisations(userId, trx)
    await trx.from('organisation_members').where('user_id', userId).delete()
    await trx.from('organisation_recommendations').where('user_id', userId).delete()
  },
}
