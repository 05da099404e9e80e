import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import { documentSettings } from '#modules/verification/services/documents/settings'

/**
 * Where documents' files live: the Drive disk (config/drive.ts, outside
 * the public folder, never served by URL), under a random name. Nothing
 * the resident typed or named reaches the path.
 */
export const documentStorage = {
  newKey(extension: string): string {
    return `${documentSettings.storageFolder}/${randomUUID()}.${extension}`
  },

  async put(key: string, bytes: Buffer): Promise<void> {
    await drive.use().put(key, bytes)
  },

  async read(key: string): Promise<Uint8Array> {
    return drive.use().getBytes(key)
  },

  /** Idempotent: a file already gone is fine. */
  async remove(key: string): Promise<void> {
    await drive.use().delete(key)
  },

  /**
   * For clean-up paths: a failure is logged (the purge command retries
   * files of decided documents), never thrown over the real outcome.
   */
  async removeQuietly(key: string): Promise<boolean> {
    try {
      await this.remove(key)
      return true
    } catch (error) {
      logger.error({ err: error }, 'could not delete a document file')
      return false
    }
  },
}
