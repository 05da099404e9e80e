import { defineConfig } from 'vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    adonisjs({
      entryPoints: ['resources/css/app.css', 'resources/js/app.js'],
      reload: ['app/views/**/*.edge', 'modules/*/views/**/*.edge'],
    }),
  ],
})
