/**
 * @quartier/sdk: the typed SDK partner plugins are written against.
 *
 * Empty for now: the plugin host, `definePlugin()` and the conformance
 * suite land with the partner plugins (see README.md, "Write a partner
 * plugin"). Plugins import this package only, never the app.
 */
export const SDK_API_VERSION = '0.0.0'
