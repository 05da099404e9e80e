import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { preferencesFromRow, type AlertPreferences } from '#modules/alerts/services/preferences'

export interface RecipientChoices {
  preferences: AlertPreferences
  /** Push subscription ids, oldest first. */
  devices: number[]
  phoneVerified: boolean
}

/**
 * What the expansion needs to know about a batch of residents, in one
 * query: their channel choices (defaults when they never chose), their
 * push devices and whether their phone number is verified. Every id asked
 * for is in the map.
 */
export async function recipientChoices(
  client: QueryClientContract,
  userIds: number[]
): Promise<Map<number, RecipientChoices>> {
  if (userIds.length === 0) return new Map()
  const { rows } = await client.rawQuery(
    `SELECT r.user_id, row_to_json(p) AS preferences,
            ph.user_id IS NOT NULL AS phone_verified,
            COALESCE(d.ids, '{}') AS devices
       FROM unnest(?::bigint[]) AS r(user_id)
       LEFT JOIN alert_preferences p ON p.user_id = r.user_id
       LEFT JOIN alert_phones ph ON ph.user_id = r.user_id AND ph.verified_at IS NOT NULL
       LEFT JOIN LATERAL (
         SELECT array_agg(s.id ORDER BY s.id) AS ids
           FROM alert_push_subscriptions s WHERE s.user_id = r.user_id
       ) d ON true`,
    /** An array literal: knex would spread a JS array into a list of placeholders. */
    [`{${userIds.map((id) => Math.trunc(Number(id))).join(',')}}`]
  )
  return new Map(
    (rows as Record<string, any>[]).map((row) => [
      Number(row.user_id),
      {
        preferences: preferencesFromRow(row.preferences),
        devices: (row.devices as (number | string)[]).map(Number),
        phoneVerified: Boolean(row.phone_verified),
      },
    ])
  )
}
