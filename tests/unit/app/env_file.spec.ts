import { test } from '@japa/runner'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import webpush from 'web-push'
import { ensureEnvFile, vapidKeyPair } from '#bin/dotenv'

test.group('The .env of a fresh clone', () => {
  test('gets its own APP_KEY and a VAPID pair web push signs with', async ({ assert, cleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'quartier-env-'))
    cleanup(() => rm(dir, { recursive: true, force: true }))
    await writeFile(
      join(dir, '.env.example'),
      await readFile(new URL('../../../.env.example', import.meta.url), 'utf8')
    )
    /** The test runner sets APP_KEY; a fresh clone has none in its environment. */
    const appKey = process.env.APP_KEY
    delete process.env.APP_KEY
    cleanup(() => {
      process.env.APP_KEY = appKey
    })

    assert.isTrue(ensureEnvFile(dir))
    const env = parseEnv(await readFile(join(dir, '.env'), 'utf8'))
    assert.match(env.APP_KEY ?? '', /^[A-Za-z0-9_-]{43}$/)
    assert.match(env.VAPID_PUBLIC_KEY ?? '', /^[A-Za-z0-9_-]{87}$/)
    assert.match(env.VAPID_PRIVATE_KEY ?? '', /^[A-Za-z0-9_-]{43}$/)
    /** web-push signs a request with them (no global state touched). */
    const headers = webpush.getVapidHeaders(
      'https://push.example.net',
      'mailto:bonjour@quartier.localhost',
      env.VAPID_PUBLIC_KEY!,
      env.VAPID_PRIVATE_KEY!,
      'aes128gcm'
    )
    assert.match(String(headers.Authorization), /^vapid t=.+, k=/)
    /** A second start keeps the file as it is. */
    assert.isFalse(ensureEnvFile(dir))
  })

  test('every pair is new', ({ assert }) => {
    assert.notEqual(vapidKeyPair().privateKey, vapidKeyPair().privateKey)
  })
})
