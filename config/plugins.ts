import env from '#start/env'
import { definePartnersConfig, type PartnerPluginEntry } from '#modules/partners/index'

/**
 * Partner plugins loaded by this installation (sdk/, plugins/, README
 * "Partner plugins"). Each of ours is switched on by its environment
 * variables; with none set, no plugin is loaded and the app works as
 * without partners. At boot each plugin's manifest, then its config
 * (with the plugin's own schema), is validated: a plugin that fails is
 * left out with an error naming it and the field (shown on the operator
 * page), never stopping the start. Secrets stay in the environment: the
 * config names the variables, `secrets` grants the plugin those only.
 * Add a partner's own plugin here the same way.
 */

/** "Vitré@48.1236,-1.2085;Saint-Malo@48.6493,-2.0257" -> destinations (the plugin validates them). */
function destinations(value: string | undefined) {
  return (value ?? '')
    .split(';')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [label, point = ''] = entry.split('@')
      const [latitude, longitude] = point.split(',').map((part) => Number(part.trim()))
      return { label: label.trim(), latitude, longitude }
    })
}

const plugins: PartnerPluginEntry[] = []

const gbfsUrl = env.get('PARTNER_GBFS_DISCOVERY_URL')
if (gbfsUrl) {
  plugins.push({
    plugin: () => import('#plugins/gbfs_carsharing/index'),
    config: { discoveryUrl: gbfsUrl, language: 'fr' },
  })
}

const rdexUrl = env.get('PARTNER_RDEX_JOURNEYS_URL')
if (rdexUrl) {
  plugins.push({
    plugin: () => import('#plugins/rdex_carpool/index'),
    config: {
      journeysUrl: rdexUrl,
      publicKeyEnv: 'PARTNER_RDEX_PUBLIC_KEY',
      privateKeyEnv: 'PARTNER_RDEX_PRIVATE_KEY',
      destinations: destinations(env.get('PARTNER_RDEX_DESTINATIONS')),
      operatorName: env.get('PARTNER_RDEX_OPERATOR_NAME'),
      timeZone: 'Europe/Paris',
      language: 'fr',
    },
    secrets: ['PARTNER_RDEX_PUBLIC_KEY', 'PARTNER_RDEX_PRIVATE_KEY'],
  })
}

const storageUrl = env.get('PARTNER_STORAGE_FEED_URL')
if (storageUrl) {
  plugins.push({
    plugin: () => import('#plugins/storage_feed/index'),
    config: { feedUrl: storageUrl, locale: 'fr' },
  })
}

export default definePartnersConfig({ plugins })
