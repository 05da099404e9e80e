/*
| The launchers decide things (which database backend, which port) before
| AdonisJS reads the environment, so they read .env the same way: files
| first, then the process environment on top.
*/
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export function readEnv(appRoot: string, nodeEnv = process.env.NODE_ENV ?? 'development') {
  const files = ['.env', `.env.${nodeEnv}`, '.env.local'].map((name) => join(appRoot, name))
  const fromFiles: Record<string, string> = {}
  for (const file of files) {
    if (existsSync(file)) Object.assign(fromFiles, parseEnv(readFileSync(file, 'utf8')))
  }
  return { ...fromFiles, ...process.env } as Record<string, string | undefined>
}

export function usesEmbeddedDatabase(env: Record<string, string | undefined>): boolean {
  if (env.DB_DRIVER) return env.DB_DRIVER === 'embedded'
  return !env.DATABASE_URL
}

/**
 * A fresh clone has no .env: write one from .env.example with its own
 * random APP_KEY (never shared, never committed). Nothing happens when
 * .env exists or APP_KEY comes from the environment (production).
 */
export function ensureEnvFile(appRoot: string): boolean {
  const envFile = join(appRoot, '.env')
  const example = join(appRoot, '.env.example')
  if (existsSync(envFile) || process.env.APP_KEY || !existsSync(example)) return false
  const template = readFileSync(example, 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, template.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  return true
}
