/*
| The launchers decide things (which database backend, which port) before
| AdonisJS reads the environment, so they read .env the same way: files
| first, then the process environment on top.
*/
import { createECDH, randomBytes } from 'node:crypto'
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
 * A VAPID key pair for web push (P-256, URL-safe base64: the public key
 * uncompressed, the private key's 32 bytes), as web-push generates them.
 */
export function vapidKeyPair(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const privateKey = Buffer.alloc(32)
  const raw = ecdh.getPrivateKey()
  raw.copy(privateKey, 32 - raw.length)
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: privateKey.toString('base64url'),
  }
}

/**
 * A fresh clone has no .env: write one from .env.example with its own
 * random APP_KEY and VAPID key pair (never shared, never committed), so
 * sessions and web push work at once. Nothing happens when .env exists or
 * APP_KEY comes from the environment (production).
 */
export function ensureEnvFile(appRoot: string): boolean {
  const envFile = join(appRoot, '.env')
  const example = join(appRoot, '.env.example')
  if (existsSync(envFile) || process.env.APP_KEY || !existsSync(example)) return false
  const template = readFileSync(example, 'utf8')
  const key = randomBytes(32).toString('base64url')
  const vapid = vapidKeyPair()
  writeFileSync(
    envFile,
    template
      .replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`)
      .replace(/^VAPID_PUBLIC_KEY=.*$/m, `VAPID_PUBLIC_KEY=${vapid.publicKey}`)
      .replace(/^VAPID_PRIVATE_KEY=.*$/m, `VAPID_PRIVATE_KEY=${vapid.privateKey}`)
  )
  return true
}
