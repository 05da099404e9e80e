/*
| Edge globals shared by every page and mail.
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'

edge.global('appName', 'Quartier')
edge.global('inProduction', app.inProduction)

/**
 * Edge's component-tags plugin lists every component directory on disk
 * before each render unless the instance was created with the cache on
 * (configuring the cache later, as AdonisJS does, leaves it recurring).
 * Templates do not change in production: list them once.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | null = null
  edge.loader.listComponents = () => (components ??= listComponents())
}
