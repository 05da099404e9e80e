import { defineConfig } from 'vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  /**
   * Pre-bundle every browser dependency when the dev server starts (tests,
   * `npm run dev`): discovering one on a page visit makes Vite re-optimise
   * and reload that page.
   */
  optimizeDeps: {
    include: [
      '@alpinejs/csp',
      '@adonisjs/transmit-client',
      'leaflet',
      '@geoman-io/leaflet-geoman-free',
    ],
  },
  plugins: [
    adonisjs({
      entryPoints: ['resources/css/app.css', 'resources/js/app.js'],
      /** Full-page reload on template edits, except under test (a reload mid-test is flaky). */
      reload:
        process.env.NODE_ENV === 'test' ? [] : ['app/views/**/*.edge', 'modules/*/views/**/*.edge'],
    }),
  ],
})
