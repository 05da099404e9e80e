import db from '@adonisjs/lucid/services/db'

/**
 * The demo's verified residents (marked verified when their homes were
 * placed) get the audit row a real verification leaves, dated 30 days
 * back so that they can already vouch for neighbours (14-day rule).
 */
export const demoVerifications = {
  async record(userIds: number[]): Promise<void> {
    if (userIds.length === 0) return
    await db.transaction(async (trx) => {
      const verified = await trx
        .from('residents')
        .whereIn('user_id', userIds)
        .whereNotNull('verified_at')
        .whereNotExists((query) =>
          query.from('verifications').whereRaw('verifications.user_id = residents.user_id')
        )
        .select('user_id', 'neighbourhood_id', 'address_label')
      if (verified.length === 0) return
      const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000)
      await trx.table('verifications').insert(
        verified.map((row) => ({
          user_id: row.user_id,
          method: 'postcard',
          neighbourhood_id: row.neighbourhood_id,
          address_label: row.address_label,
          created_at: monthAgo,
        }))
      )
      await trx
        .from('residents')
        .whereIn(
          'user_id',
          verified.map((row) => row.user_id)
        )
        .update({ verified_at: monthAgo })
    })
  },
}
