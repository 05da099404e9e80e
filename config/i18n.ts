import app from '@adonisjs/core/services/app'
import { defineConfig, loaders } from '@adonisjs/i18n'
import { CachedIcuFormatter } from '#app/i18n/cached_icu_formatter'

/**
 * French first, English second. Translation files: resources/lang/<locale>.
 */
export default defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'en'],
  /** ICU messages, compiled once per locale and message. */
  formatter: () => new CachedIcuFormatter(),
  loaders: [
    loaders.fs({
      location: app.languageFilesPath(),
    }),
  ],
})
