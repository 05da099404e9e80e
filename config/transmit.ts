import { defineConfig } from '@adonisjs/transmit'

/**
 * Single node: no transport. Scaled out, a Redis transport carries
 * broadcasts between web nodes (DESIGN.md section 7).
 */
export default defineConfig({
  pingInterval: '30s',
  transport: null,
})
