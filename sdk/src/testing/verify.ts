import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PluginDefinition } from '../types.js'
import { isPluginDefinition } from '../define_plugin.js'
import { resolveManifest, validateManifest } from '../manifest.js'
import { validateConfig } from '../config.js'
import { loadRecordings } from './recordings.js'
import {
  loadConformanceScenarios,
  offerSourceConformanceChecks,
  runChecks,
  type ConformanceReport,
} from './conformance.js'

export interface VerifyStep {
  name: string
  ok: boolean
  detail?: string
}

export interface VerifyReport {
  dir: string
  passed: boolean
  steps: VerifyStep[]
  conformance: ConformanceReport[]
}

const SDK_PACKAGE = '@quartier/plugin-sdk'
/** The README's example config: the first fenced block whose info string is `json plugin-config`. */
const EXAMPLE_CONFIG = /^```json plugin-config[^\n]*\n([\s\S]*?)^```/m

function entryOf(pkg: Record<string, any>): string {
  const exported = pkg.exports
  if (typeof exported === 'string') return exported
  if (exported && typeof exported['.'] === 'string') return exported['.']
  if (exported?.['.']?.import) return exported['.'].import
  return pkg.main ?? 'index.ts'
}

/**
 * Everything `npm run plugin:verify <dir>` checks, in order: package.json,
 * the default export, the manifest, the README's example config, then the
 * conformance suite on each scenario of conformance.json. Stops at the
 * first step later ones depend on.
 */
export async function verifyPluginDir(location: string): Promise<VerifyReport> {
  const dir = resolve(location)
  const steps: VerifyStep[] = []
  const report: VerifyReport = { dir, passed: false, steps, conformance: [] }
  const step = async (name: string, run: () => unknown | Promise<unknown>) => {
    try {
      const detail = await run()
      steps.push({ name, ok: true, detail: typeof detail === 'string' ? detail : undefined })
      return true
    } catch (error) {
      steps.push({
        name,
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      })
      return false
    }
  }

  let pkg: Record<string, any> = {}
  const pkgOk = await step('package.json', () => {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) throw new Error(`no package.json in ${dir}`)
    pkg = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof pkg.name !== 'string' || !/^(@[a-z0-9-]+\/)?[a-z0-9._-]+$/.test(pkg.name)) {
      throw new Error('"name" must be an npm package name (e.g. @acme/quartier-plugin-rides)')
    }
    if (pkg.type !== 'module') throw new Error('"type" must be "module"')
    const deps = { ...pkg.dependencies, ...pkg.peerDependencies }
    if (!deps[SDK_PACKAGE])
      throw new Error(`"dependencies" (or "peerDependencies") must list ${SDK_PACKAGE}`)
    const entry = entryOf(pkg)
    if (!existsSync(join(dir, entry))) throw new Error(`its entry point ${entry} does not exist`)
    return `${pkg.name}, entry ${entry}`
  })
  if (!pkgOk) return report

  let plugin: PluginDefinition<unknown> | undefined
  const exportOk = await step('default export is a definePlugin() result', async () => {
    const module = await import(pathToFileURL(join(dir, entryOf(pkg))).href)
    if (!isPluginDefinition(module.default)) {
      throw new Error(
        'the entry point must `export default definePlugin({ manifest, config, setup })`'
      )
    }
    plugin = module.default
  })
  if (!exportOk || !plugin) return report
  const definition = plugin

  const manifestOk = await step('manifest', () => {
    const manifest = validateManifest(definition.manifest)
    return `${manifest.id} ${manifest.version} (API ${manifest.apiVersion}): ${manifest.capabilities.join(', ')}`
  })

  await step('README.md example config passes the config schema', async () => {
    const file = join(dir, 'README.md')
    if (!existsSync(file))
      throw new Error('no README.md (say what the partner provides and how to configure it)')
    const block = EXAMPLE_CONFIG.exec(readFileSync(file, 'utf8'))
    if (!block)
      throw new Error(
        'README.md has no example config (a fenced block opened with ```json plugin-config)'
      )
    let example: unknown
    try {
      example = JSON.parse(block[1])
    } catch (error) {
      throw new Error(`the example config is not JSON: ${(error as Error).message}`)
    }
    const config = await validateConfig(definition, example)
    if (manifestOk) resolveManifest(definition.manifest, config)
  })

  let scenarios: ReturnType<typeof loadConformanceScenarios> = []
  const fixturesOk = await step('conformance.json and its recordings', () => {
    scenarios = loadConformanceScenarios(dir)
    const counts = scenarios.map((scenario) => {
      const recordings = loadRecordings(scenario.recordings as string)
      if (recordings.length === 0)
        throw new Error(`scenario "${scenario.name}": its recordings folder is empty`)
      return `${scenario.name}: ${recordings.length} recording(s)`
    })
    return counts.join(', ')
  })

  if (manifestOk && fixturesOk) {
    for (const scenario of scenarios) {
      report.conformance.push(await runChecks(offerSourceConformanceChecks(definition, scenario)))
    }
  }
  report.passed =
    steps.every((entry) => entry.ok) && report.conformance.every((entry) => entry.passed)
  return report
}
