import { readdirSync } from 'node:fs'
import { configApp } from '@adonisjs/eslint-config'

/**
 * Module boundaries (DESIGN.md section 3): a module imports another module
 * only through its index.ts; plugins and the SDK import no app internals.
 */
const modules = readdirSync(new URL('./modules', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const moduleBoundaries = modules.map((name) => ({
  files: [`modules/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^#modules/(?!${name}/)[a-z_]+/(?!index$).+`,
            message: 'Import another module only through its index.ts (#modules/<module>/index).',
          },
        ],
      },
    ],
  },
}))

const outsideApp = {
  files: ['plugins/**/*.ts', 'sdk/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^#(app|modules|config|start|database|plugins)/',
            message: 'Plugins and the SDK only use the SDK (#sdk), never app internals.',
          },
          {
            regex: '^@adonisjs/lucid',
            message: 'Plugins get no database access: use what the host hands to setup(ctx).',
          },
        ],
      },
    ],
  },
}

/** Tests read best as `assert.equal((await agent.get(url)).status, 200)`. */
const tests = {
  files: ['tests/**/*.ts'],
  rules: { '@unicorn/no-await-expression-member': 'off' },
}

export default configApp(...moduleBoundaries, outsideApp, tests, {
  ignores: ['public/assets/**', 'storage/**', 'build/**', '.adonisjs/**'],
})
