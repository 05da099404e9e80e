import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * Where exchange photos live: the Drive disk (outside the public folder,
 * never served by URL), under a random name. Nothing the resident typed
 * or named reaches the path.
 */
export const photoStorage = {
  newKey(extension: string): string {
    return `${exchangeSettings.photos.storageFolder}/${randomUUID()}.${extension}`
  },

  async put(key: string, bytes: Buffer): Promise<void> {
    await drive.use().put(key, bytes)
  },

  async read(key: string): Promise<Uint8Array> {
    return drive.use().getBytes(key)
  },

  /** For clean-up paths: a failure is logged (the hourly job retries), never thrown. */
  async removeQuietly(key: string): Promise<boolean> {
    try {
      await drive.use().delete(key)
      return true
    } catch (error) {
      logger.error({ err: error }, 'could not delete an exchange photo')
      return false
    }
  },
}
