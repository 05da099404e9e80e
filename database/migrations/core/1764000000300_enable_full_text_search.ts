import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Full-text search in French and English that ignores accents ("velo"
 * finds "vélo"): two text search configurations with the unaccent
 * dictionary before the stemmers. A configuration name is a constant, so
 * to_tsvector('quartier_fr', ...) may be used in generated columns and
 * indexes (unaccent() itself is not immutable).
 */
export default class extends BaseSchema {
  async up() {
    await this.db.rawQuery('CREATE EXTENSION IF NOT EXISTS unaccent')
    for (const [name, copy, stem] of [
      ['quartier_fr', 'french', 'french_stem'],
      ['quartier_en', 'english', 'english_stem'],
    ]) {
      await this.db.rawQuery(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copy})`)
      await this.db.rawQuery(
        `ALTER TEXT SEARCH CONFIGURATION ${name}
           ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`
      )
    }
  }

  async down() {
    await this.db.rawQuery('DROP TEXT SEARCH CONFIGURATION IF EXISTS quartier_en')
    await this.db.rawQuery('DROP TEXT SEARCH CONFIGURATION IF EXISTS quartier_fr')
    await this.db.rawQuery('DROP EXTENSION IF EXISTS unaccent')
  }
}
