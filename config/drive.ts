import { isAbsolute } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Uploads (proofs of address, photos) stay outside the web root.
 * DRIVE_ROOT: a folder, relative to the application or absolute.
 */
const driveRoot = env.get('DRIVE_ROOT', 'storage/uploads')

const driveConfig = defineConfig({
  default: 'fs',
  services: {
    fs: services.fs({
      location: isAbsolute(driveRoot) ? driveRoot : app.makePath(driveRoot),
      serveFiles: false,
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
