import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * French first, English second. Translation files: resources/lang/<locale>.
 */
export default defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'en'],
  formatter: formatters.icu(),
  loaders: [
    loaders.fs({
      location: app.languageFilesPath(),
    }),
  ],
})
