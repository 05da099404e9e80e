import type { ConfigSchema, PluginDefinition, PluginManifest } from './types.js'
import { resolveManifest, validateManifest, type ManifestOptions } from './manifest.js'

export interface ConfigFieldError {
  field: string
  message: string
}

/** A plugin config the host must refuse: names the plugin and every faulty field. */
export class ConfigError extends Error {
  constructor(
    readonly pluginId: string,
    readonly fields: ConfigFieldError[]
  ) {
    const list = fields.map((entry) => `config.${entry.field}: ${entry.message}`).join('; ')
    super(`Plugin "${pluginId}": invalid config (${list || 'refused'})`)
    this.name = 'ConfigError'
  }
}

/** VineJS's ValidationError carries `messages: [{ field, message }]`; other errors give one message. */
function fieldErrors(error: unknown): ConfigFieldError[] {
  const messages = (error as { messages?: unknown })?.messages
  if (Array.isArray(messages)) {
    return messages.map((entry: { field?: unknown; message?: unknown }) => ({
      field: typeof entry?.field === 'string' && entry.field.length > 0 ? entry.field : '(root)',
      message: typeof entry?.message === 'string' ? entry.message : 'is invalid',
    }))
  }
  return [{ field: '(root)', message: error instanceof Error ? error.message : String(error) }]
}

/** Runs the plugin's config schema; throws a ConfigError naming the plugin and the fields. */
export async function validateConfig<Config>(
  definition: PluginDefinition<Config>,
  input: unknown
): Promise<Config> {
  try {
    return await definition.config.validate(input)
  } catch (error) {
    throw new ConfigError(definition.manifest?.id ?? '(unnamed)', fieldErrors(error))
  }
}

export interface PreparedPlugin<Config> {
  /** The manifest with its network placeholders resolved from the config. */
  manifest: PluginManifest
  config: Config
}

/**
 * What the host does when it loads a plugin, in order: validate the
 * manifest, validate the config, resolve the network rules. Throws a
 * ManifestError or a ConfigError naming the plugin and the field.
 */
export async function preparePlugin<Config>(
  definition: PluginDefinition<Config>,
  input: unknown,
  options: ManifestOptions = {}
): Promise<PreparedPlugin<Config>> {
  const manifest = validateManifest(definition.manifest, options)
  const config = await validateConfig(definition, input)
  return { manifest: resolveManifest(manifest, config, options), config }
}

/**
 * A config schema followed by a mapping: for defaults that depend on other
 * fields (VineJS objects have no transform), e.g.
 * `mapConfig(vine.compile(schema), (config) => ({ ...config, origins: config.origins ?? [...] }))`.
 */
export function mapConfig<Input, Output>(
  schema: ConfigSchema<Input>,
  map: (config: Input) => Output
): ConfigSchema<Output> {
  return { validate: async (input: unknown) => map(await schema.validate(input)) }
}
