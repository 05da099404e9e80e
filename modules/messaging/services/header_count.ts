import logger from '@adonisjs/core/services/logger'
import { unreadCount } from '#modules/messaging/queries/unread'

/**
 * The header's unread count, called by the layout only when it renders
 * for a signed-in resident (one indexed query; redirects and JSON answers
 * never pay it). Null when it cannot be read: the link then shows no
 * count rather than the page failing (error pages use the layout too).
 */
export async function unreadForHeader(userId: unknown): Promise<number | null> {
  try {
    return await unreadCount(Number(userId))
  } catch (error) {
    logger.warn({ err: error }, 'unread count unavailable for the header')
    return null
  }
}
