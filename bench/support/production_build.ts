/*
| The app as production runs it (README, "Production"): compiled by
| `node ace build` into build/ and started with `node build/bin/server.js`,
| with no TypeScript loader thread and no source maps kept in memory.
*/
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Compiles the app into build/ (about 20 s); throws with the output when it fails. */
export function buildForProduction(appRoot: string): void {
  const run = spawnSync(process.execPath, ['ace', 'build'], {
    cwd: appRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (run.status !== 0 || !existsSync(join(appRoot, 'build/bin/server.js'))) {
    throw new Error(`node ace build failed:\n${run.stdout}\n${run.stderr}`)
  }
}

/**
 * The APP_KEY for a server started from build/ (which has no .env): the
 * environment's, else the project's .env, else a throwaway one.
 */
export function appKeyFor(appRoot: string): string {
  if (process.env.APP_KEY) return process.env.APP_KEY
  const dotenv = join(appRoot, '.env')
  if (existsSync(dotenv)) {
    const line = readFileSync(dotenv, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('APP_KEY='))
    const value = line?.slice('APP_KEY='.length).trim()
    if (value) return value
  }
  return randomBytes(32).toString('base64url')
}
