/**
 * Partner plugins enabled in this installation (see sdk/ and plugins/).
 * Empty until the plugin host lands.
 */
export default {
  enabled: [] as string[],
}
