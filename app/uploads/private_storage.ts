import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'

/**
 * Files residents uploaded, on the Drive disk (config/drive.ts: outside
 * the public folder, never served by URL; an access-checked route reads
 * them), under a random name in the module's folder. Nothing the
 * resident typed or named reaches the path.
 */
export function privateStorage(folder: string, what: string) {
  return {
    newKey(extension: string): string {
      return `${folder}/${randomUUID()}.${extension}`
    },

    async put(key: string, bytes: Buffer): Promise<void> {
      await drive.use().put(key, bytes)
    },

    /** A new file under a new key, which it gives back. */
    async store(file: { bytes: Buffer; extension: string }): Promise<string> {
      const key = this.newKey(file.extension)
      await this.put(key, file.bytes)
      return key
    },

    read(key: string): Promise<Uint8Array> {
      return drive.use().getBytes(key)
    },

    /** Idempotent: a file already gone is fine. */
    async remove(key: string): Promise<void> {
      await drive.use().delete(key)
    },

    /** For clean-up paths: a failure is logged (callers retry or sweep), never thrown over the real outcome. */
    async removeQuietly(key: string): Promise<boolean> {
      try {
        await drive.use().delete(key)
        return true
      } catch (error) {
        logger.error({ err: error, key }, `could not delete ${what}`)
        return false
      }
    },
  }
}
