import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

const VICTOR = { longitude: 2.35409, latitude: 48.84766 }

async function victor() {
  return db.from('neighbourhoods').where('slug', 'saint-victor').firstOrFail()
}

async function boundaryText() {
  const { rows } = await db.rawQuery(
    "SELECT ST_AsText(boundary) AS wkt FROM neighbourhoods WHERE slug = 'saint-victor'"
  )
  return rows[0].wkt as string
}

/** A resident of Saint-Victor, signed in, optionally with a role there. */
async function member(email: string, role?: 'super_voisin' | 'moderator') {
  const user = await createResident({ email })
  await placeResident(user.id, { ...VICTOR, addressLabel: '1 rue Linné', placement: 'map_pin' })
  if (role) {
    await db.table('neighbourhood_roles').insert({
      neighbourhood_id: (await victor()).id,
      user_id: user.id,
      role,
      created_at: new Date(),
    })
  }
  const agent = new Agent()
  await signIn(agent, email)
  return { user, agent }
}

/** Saint-Victor grown by ~50 m to the east, as the editor would send it. */
async function grownShape() {
  const { rows } = await db.rawQuery(
    `SELECT ST_AsGeoJSON(ST_Union(boundary, ST_Translate(boundary, 0.0007, 0)), 7) AS g
       FROM neighbourhoods WHERE slug = 'saint-victor'`
  )
  return rows[0].g as string
}

test.group('Neighbourhood page and boundary changes', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(async () => {
    /** Put Saint-Victor back as imported for the next test. */
    await db.rawQuery(
      `UPDATE neighbourhoods n SET boundary = r.boundary
         FROM neighbourhood_revisions r
        WHERE n.slug = 'saint-victor' AND r.neighbourhood_id = n.id AND r.status = 'created'`
    )
    await db.rawQuery(
      `DELETE FROM neighbourhood_revisions WHERE status <> 'created'
          AND neighbourhood_id = (SELECT id FROM neighbourhoods WHERE slug = 'saint-victor')`
    )
  })

  test('anyone can see a neighbourhood page: map, counts, neighbours, history', async ({
    assert,
  }) => {
    await member('camille@example.org')
    const page = await new Agent().get('/neighbourhoods/saint-victor')
    assert.equal(page.status, 200)
    assert.include(page.text, '<h1>Saint-Victor</h1>')
    assert.include(page.text, 'data-map="view"')
    assert.match(page.text, /<span class="stat__value">1<\/span>\s*habitant/)
    assert.include(page.text, 'href="/neighbourhoods/jardin-des-plantes"')
    assert.include(page.text, 'limites officielles')
    assert.notInclude(page.text, 'Proposer de nouvelles limites')

    assert.equal((await new Agent().get('/neighbourhoods/nulle-part')).status, 404)
  })

  test('a resident without a role cannot change the boundary', async ({ assert }) => {
    const { agent } = await member('camille@example.org')
    const page = await agent.get('/neighbourhoods/saint-victor/boundary')
    assert.equal(page.status, 403)
    assert.include(page.text, 'Accès refusé')
    const before = await boundaryText()
    const response = await agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: await grownShape(), reason: 'Je voudrais plus grand' },
      { from: '/neighbourhoods/saint-victor' }
    )
    assert.equal(response.status, 403)
    assert.equal(await boundaryText(), before)
  })

  test('a super voisin proposes; a moderator accepts, then reverts', async ({ assert }) => {
    const before = await boundaryText()
    const sv = await member('sophie@example.org', 'super_voisin')
    const proposed = await sv.agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: await grownShape(), reason: 'Inclure les deux côtés de la rue' },
      { from: '/neighbourhoods/saint-victor/boundary' }
    )
    assert.equal(proposed.status, 302)
    assert.equal(await boundaryText(), before)
    const pending = await db
      .from('neighbourhood_revisions')
      .where('status', 'proposed')
      .firstOrFail()
    assert.equal(pending.reason, 'Inclure les deux côtés de la rue')

    const mod = await member('karim@example.org', 'moderator')
    const page = await mod.agent.get('/neighbourhoods/saint-victor')
    assert.include(page.text, 'Proposition en attente')
    const accepted = await mod.agent.submit(
      `/neighbourhoods/saint-victor/revisions/${pending.id}/accept`,
      {}
    )
    assert.equal(accepted.status, 302)
    assert.notEqual(await boundaryText(), before)
    const applied = await db.from('neighbourhood_revisions').where('id', pending.id).firstOrFail()
    assert.equal(applied.status, 'applied')
    assert.equal(Number(applied.reviewed_by_id), mod.user.id)

    await mod.agent.get('/neighbourhoods/saint-victor')
    const reverted = await mod.agent.submit(
      `/neighbourhoods/saint-victor/revisions/${pending.id}/revert`,
      {}
    )
    assert.equal(reverted.status, 302)
    assert.equal(await boundaryText(), before)
    const history = await db
      .from('neighbourhood_revisions')
      .where('neighbourhood_id', (await victor()).id)
      .orderBy('id')
    assert.deepEqual(
      history.map((revision) => revision.status),
      ['created', 'reverted', 'applied']
    )
  })

  test('a super voisin cannot accept their own proposal; a moderator can reject it', async ({
    assert,
  }) => {
    const sv = await member('sophie@example.org', 'super_voisin')
    await sv.agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: await grownShape(), reason: 'Inclure la place' },
      { from: '/neighbourhoods/saint-victor/boundary' }
    )
    const pending = await db
      .from('neighbourhood_revisions')
      .where('status', 'proposed')
      .firstOrFail()
    const selfAccept = await sv.agent.submit(
      `/neighbourhoods/saint-victor/revisions/${pending.id}/accept`,
      {}
    )
    assert.equal(selfAccept.status, 403)

    const mod = await member('karim@example.org', 'moderator')
    await mod.agent.get('/neighbourhoods/saint-victor')
    await mod.agent.submit(`/neighbourhoods/saint-victor/revisions/${pending.id}/reject`, {})
    assert.equal(
      (await db.from('neighbourhood_revisions').where('id', pending.id).firstOrFail()).status,
      'rejected'
    )
  })

  test("a moderator's own edit applies at once and re-homes residents left outside", async ({
    assert,
  }) => {
    const mod = await member('karim@example.org', 'moderator')
    /** A resident at the far west of Saint-Victor, outside the shrunk shape below. */
    const { rows } = await db.rawQuery(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat,
              ST_AsGeoJSON(ST_Intersection(boundary,
                ST_MakeEnvelope(ST_X(ST_Centroid(boundary)) - 0.002, ST_YMin(boundary), ST_XMax(boundary), ST_YMax(boundary), 4326)), 7) AS shrunk
         FROM neighbourhoods,
              LATERAL (SELECT ST_PointOnSurface(ST_Intersection(boundary,
                ST_MakeEnvelope(ST_XMin(boundary), ST_YMin(boundary), ST_X(ST_Centroid(boundary)) - 0.0025, ST_YMax(boundary), 4326))) AS p) west
        WHERE slug = 'saint-victor'`
    )
    const west = await createResident({ email: 'west@example.org' })
    await placeResident(west.id, {
      longitude: Number(rows[0].lon),
      latitude: Number(rows[0].lat),
      addressLabel: 'ouest',
      placement: 'map_pin',
    })

    const response = await mod.agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: rows[0].shrunk, reason: 'Limites revues avec la mairie' },
      { from: '/neighbourhoods/saint-victor/boundary' }
    )
    assert.equal(response.status, 302)
    const applied = await db
      .from('neighbourhood_revisions')
      .where('reason', 'Limites revues avec la mairie')
      .firstOrFail()
    assert.equal(applied.status, 'applied')
    const resident = await db.from('residents').where('user_id', west.id).firstOrFail()
    assert.notEqual(Number(resident.neighbourhood_id), Number((await victor()).id))
  })

  test('a boundary edit is checked like a drawing', async ({ assert }) => {
    const mod = await member('karim@example.org', 'moderator')
    const before = await boundaryText()
    const badShape = await mod.agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: '{"type":"Polygon","coordinates":[]}', reason: 'Erreur de tracé' },
      { from: '/neighbourhoods/saint-victor/boundary' }
    )
    assert.equal(badShape.status, 422)
    assert.include(badShape.text, 'Le tracé n&#x27;est pas un polygone valide')

    const noReason = await mod.agent.submit(
      '/neighbourhoods/saint-victor/boundary',
      { boundary: await grownShape(), reason: 'test' },
      { from: '/neighbourhoods/saint-victor/boundary' }
    )
    assert.equal(noReason.status, 422)
    assert.include(noReason.text, 'Le champ raison doit faire au moins 5 caractères.')
    assert.equal(await boundaryText(), before)
  })
})
