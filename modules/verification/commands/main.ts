import { fileURLToPath } from 'node:url'
import { FsLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'

/**
 * The verification module's ace commands (registered in adonisrc.ts):
 * every other file of this folder is a command.
 */
const loader = new FsLoader(
  fileURLToPath(new URL('./', import.meta.url)),
  (file) => !/^main\.(ts|js)$/.test(file)
)

export function getMetaData() {
  return loader.getMetaData()
}

export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
