import { rm } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * The body parser writes every uploaded file to the system's temporary
 * folder before any check. What a resident sent (with its EXIF, its
 * address) must not linger there: removed once the request is handled,
 * whatever happened.
 */
export async function removeUploadedTmpFiles(ctx: HttpContext): Promise<void> {
  const paths: string[] = []
  const collect = (value: unknown) => {
    if (!value || typeof value !== 'object') return
    if ('tmpPath' in value && 'isMultipartFile' in value) {
      const tmpPath = (value as { tmpPath?: string }).tmpPath
      if (tmpPath) paths.push(tmpPath)
      return
    }
    Object.values(value).forEach(collect)
  }
  collect(ctx.request.allFiles())
  await Promise.all(paths.map((path) => rm(path, { force: true })))
}
