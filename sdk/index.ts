/**
 * @quartier/plugin-sdk: the typed SDK partner plugins are written
 * against. Plugins import this package only, never the app. The host uses
 * the same validation and combine functions, so a plugin that passes the
 * conformance suite (`@quartier/plugin-sdk/testing`) is accepted by the app.
 */
export * from './src/types.js'
export { definePlugin, isPluginDefinition } from './src/define_plugin.js'
export {
  CAPABILITIES,
  HTTP_METHODS,
  OFFER_KINDS,
  ManifestError,
  isRequestAllowed,
  resolveManifest,
  validateManifest,
  type ManifestOptions,
} from './src/manifest.js'
export {
  OFFER_LIMITS,
  OfferError,
  isSafeHttpsUrl,
  keepValidOffers,
  truncateText,
  validateOffer,
  validateOffers,
  type OfferValidationOptions,
  type RejectedOffer,
  type ValidatedOffers,
} from './src/offers.js'
export {
  firstAnswer,
  mergeOffers,
  resolveBookingLink,
  type MergedOffer,
  type PluginOffers,
} from './src/combine.js'
export {
  ConfigError,
  mapConfig,
  preparePlugin,
  validateConfig,
  type ConfigFieldError,
  type PreparedPlugin,
} from './src/config.js'
export { UpstreamError, readJson } from './src/upstream.js'
export { distanceMeters, isInArea } from './src/geo.js'
