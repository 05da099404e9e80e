import { test } from '@japa/runner'
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

const LOCALES = ['fr', 'en']

/** Every key of a locale: "file.path.to.key". */
async function keysOf(locale: string) {
  const dir = app.makePath('resources/lang', locale)
  const keys = new Set<string>()
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(`${prefix}.${key}`, child)
    } else keys.add(prefix)
  }
  for (const file of await readdir(dir)) {
    walk(file.replace(/\.json$/, ''), JSON.parse(await readFile(join(dir, file), 'utf8')))
  }
  return keys
}

async function sourceFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Literal keys passed to t() / i18n.t() in templates and code. */
async function usedKeys() {
  const files = [
    ...(await sourceFiles(app.makePath('app'), /\.(edge|ts)$/)),
    ...(await sourceFiles(app.makePath('modules'), /\.(edge|ts)$/)),
  ]
  const used = new Map<string, string>()
  for (const file of files) {
    const text = await readFile(file, 'utf8')
    for (const match of text.matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
      used.set(match[1], relative(app.makePath(), file))
    }
  }
  return used
}

test.group('Translations', () => {
  test('French and English have exactly the same keys', async ({ assert }) => {
    const [fr, en] = await Promise.all(LOCALES.map(keysOf))
    assert.deepEqual(
      [...fr].filter((key) => !en.has(key)),
      [],
      'missing in English'
    )
    assert.deepEqual(
      [...en].filter((key) => !fr.has(key)),
      [],
      'missing in French'
    )
  })

  test('every literal key used in the code exists', async ({ assert }) => {
    const fr = await keysOf('fr')
    const used = await usedKeys()
    const missing = [...used]
      .filter(([key]) => !fr.has(key))
      .map(([key, file]) => `${key} (${file})`)
    assert.deepEqual(missing, [])
    assert.isAbove(used.size, 100)
  })
})
