import { notify } from '#modules/notifications/index'

/**
 * Tells a resident what moderation decided about their content or
 * account. Call after the commit.
 */
export async function tellAuthor(
  userId: number | null,
  input: {
    action: string
    reason: string
    locale?: string
    until?: Date | null
  }
) {
  if (userId === null) return
  await notify({
    userId,
    type: 'moderation.action',
    keys: `moderation.mail.${input.action}`,
    values: {
      reason: input.reason,
      until: input.until ? input.until.toISOString().slice(0, 10) : '',
    },
    path: '/moderation/appeals',
  })
}
