import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

async function matches(config: string, text: string, query: string): Promise<boolean> {
  const { rows } = await db.rawQuery(
    `SELECT to_tsvector(?::regconfig, ?) @@ websearch_to_tsquery(?::regconfig, ?) AS hit`,
    [config, text, config, query]
  )
  return rows[0].hit === true
}

test.group('Full-text search configurations', () => {
  test('French ignores accents and stems', async ({ assert }) => {
    assert.isTrue(await matches('quartier_fr', 'Je prête mon vélo électrique', 'velo electrique'))
    assert.isTrue(await matches('quartier_fr', 'Perceuse à prêter', 'perceuses'))
    assert.isFalse(await matches('quartier_fr', 'Perceuse à prêter', 'tondeuse'))
  })

  test('English stems and ignores accents too', async ({ assert }) => {
    assert.isTrue(await matches('quartier_en', 'Lending my café chairs', 'cafe chair'))
    assert.isFalse(await matches('quartier_en', 'Lending my ladder', 'bicycle'))
  })
})
