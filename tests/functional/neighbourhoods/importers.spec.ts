import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import GeoImportTowns from '#commands/geo_import_towns'
import GeoImportNeighbourhoods from '#commands/geo_import_neighbourhoods'
import {
  ILLE_ET_VILAINE,
  PARIS_QUARTIERS,
  parisCommuneFile,
  writeGeoJson,
} from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'

const square = (x: number, y: number, size = 0.01) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
]

/** A bow-tie: its ring crosses itself, so PostGIS calls it invalid. */
const bowTie = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.01, y + 0.01],
    [x + 0.01, y],
    [x, y + 0.01],
    [x, y],
  ],
]

async function count(table: string) {
  const row = await db.from(table).count('* as total').firstOrFail()
  return Number(row.total)
}

test.group('geo:import-towns and geo:import-neighbourhoods', (group) => {
  group.each.setup(async () => {
    await resetDatabase()
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('imports the 345 communes of Ille-et-Vilaine, then updates them on a second run', async ({
    assert,
  }) => {
    const first = await ace.create(GeoImportTowns, [ILLE_ET_VILAINE])
    await first.exec()
    first.assertSucceeded()
    first.assertLogMatches(/345 imported, 0 updated, 0 skipped/)
    assert.equal(await count('towns'), 345)

    const rennes = await db.from('towns').where('insee_code', '35238').firstOrFail()
    assert.equal(rennes.name, 'Rennes')
    assert.equal(rennes.departement, '35')

    const second = await ace.create(GeoImportTowns, [ILLE_ET_VILAINE])
    await second.exec()
    second.assertLogMatches(/0 imported, 345 updated, 0 skipped/)
    assert.equal(await count('towns'), 345)
  })

  test('repairs an invalid ring, keeps MultiPolygons, and skips what it cannot use with a reason', async ({
    assert,
  }) => {
    const file = await writeGeoJson([
      {
        type: 'Feature',
        properties: { code: '99001', nom: 'Noeud' },
        geometry: { type: 'Polygon', coordinates: bowTie(1, 45) },
      },
      {
        type: 'Feature',
        properties: { code: '99002', nom: 'Archipel' },
        geometry: { type: 'MultiPolygon', coordinates: [square(2, 45), square(2.1, 45)] },
      },
      {
        type: 'Feature',
        properties: { code: '99003', nom: 'Point' },
        geometry: { type: 'Point', coordinates: [3, 45] },
      },
      {
        type: 'Feature',
        properties: { code: '99004' },
        geometry: { type: 'Polygon', coordinates: square(4, 45) },
      },
      {
        type: 'Feature',
        properties: { code: 'xx', nom: 'Sans code' },
        geometry: { type: 'Polygon', coordinates: square(5, 45) },
      },
    ])
    const command = await ace.create(GeoImportTowns, [file])
    await command.exec()
    command.assertSucceeded()
    command.assertLogMatches(/2 imported, 0 updated, 3 skipped, 1 repaired/)
    command.assertLogMatches(/invalid rings repaired with ST_MakeValid: 99001/)
    command.assertLogMatches(/skipped 99003: geometry is a Point, not a Polygon or MultiPolygon/)
    command.assertLogMatches(/skipped 99004: no name in "nom"/)
    command.assertLogMatches(/skipped xx: no valid INSEE code in "code"/)

    const { rows } = await db.rawQuery(
      `SELECT insee_code, ST_IsValid(boundary) AS valid, GeometryType(boundary) AS type,
              ST_NumGeometries(boundary) AS parts
         FROM towns ORDER BY insee_code`
    )
    assert.deepEqual(
      rows.map((row: any) => [row.insee_code, row.valid, row.type, row.parts]),
      [
        ['99001', true, 'MULTIPOLYGON', 2],
        ['99002', true, 'MULTIPOLYGON', 2],
      ]
    )
  })

  test('reads gzipped files and says clearly when a file is not GeoJSON', async ({ assert }) => {
    const command = await ace.create(GeoImportTowns, [await writeGeoJson([])])
    await command.exec()
    command.assertSucceeded()

    const broken = await ace.create(GeoImportTowns, ['/nonexistent/file.geojson'])
    await broken.exec()
    broken.assertFailed()
    broken.assertLogMatches(/cannot import \/nonexistent\/file.geojson/)
    assert.equal(await count('towns'), 0)
  })

  test('imports the 80 Paris quartiers into Paris, idempotently, with a revision each', async ({
    assert,
  }) => {
    const towns = await ace.create(GeoImportTowns, [await parisCommuneFile()])
    await towns.exec()
    const args = [PARIS_QUARTIERS, '--name-property=l_qu', '--code-property=c_quinsee']

    const first = await ace.create(GeoImportNeighbourhoods, args)
    await first.exec()
    first.assertSucceeded()
    first.assertLogMatches(/80 imported, 0 updated, 0 skipped/)

    const again = await ace.create(GeoImportNeighbourhoods, args)
    await again.exec()
    again.assertLogMatches(/0 imported, 80 updated, 0 skipped/)

    assert.equal(await count('neighbourhoods'), 80)
    /** An unchanged boundary is not a new revision. */
    assert.equal(await count('neighbourhood_revisions'), 80)
    const paris = await db.from('towns').where('insee_code', '75056').firstOrFail()
    const inParis = await db
      .from('neighbourhoods')
      .where('town_id', paris.id)
      .count('* as total')
      .firstOrFail()
    assert.equal(Number(inParis.total), 80)
    const victor = await db.from('neighbourhoods').where('name', 'Saint-Victor').firstOrFail()
    assert.equal(victor.slug, 'saint-victor')
    assert.equal(victor.source_code, '75056:7510501')
    assert.equal(victor.status, 'launching')
  })

  test('refuses neighbourhoods whose town is not imported', async ({ assert }) => {
    const command = await ace.create(GeoImportNeighbourhoods, [
      PARIS_QUARTIERS,
      '--name-property=l_qu',
      '--town-code=75056',
    ])
    await command.exec()
    command.assertLogMatches(/0 imported, 0 updated, 80 skipped/)
    command.assertLogMatches(/no imported town matches \(import the towns first\)/)
    assert.equal(await count('neighbourhoods'), 0)
  })

  test('boundaries carry GIST indexes (not btree)', async ({ assert }) => {
    const { rows } = await db.rawQuery(
      `SELECT tablename, indexdef FROM pg_indexes
        WHERE tablename IN ('towns', 'neighbourhoods') AND indexdef LIKE '%(boundary)%'`
    )
    assert.lengthOf(rows, 2)
    for (const row of rows) assert.include(row.indexdef, 'USING gist', row.tablename)
  })
})
