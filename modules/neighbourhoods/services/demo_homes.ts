import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/services/placement'

/**
 * Where the demo residents live (public places, not real homes): two in
 * Saint-Georges (9e), two in Clignancourt (18e), one each in Saint-Malo and
 * Rennes, where no neighbourhood exists yet.
 */
const HOMES: Record<
  string,
  { longitude: number; latitude: number; label: string; verified: boolean }
> = {
  'camille@demo.quartier.localhost': {
    longitude: 2.3362,
    latitude: 48.8792,
    label: '5 rue Clauzel, 75009 Paris',
    verified: true,
  },
  'lea@demo.quartier.localhost': {
    longitude: 2.3376,
    latitude: 48.8781,
    label: '30 rue Notre-Dame-de-Lorette, 75009 Paris',
    verified: true,
  },
  'karim@demo.quartier.localhost': {
    longitude: 2.3434,
    latitude: 48.8873,
    label: '4 rue Lamarck, 75018 Paris',
    verified: true,
  },
  'hugo@demo.quartier.localhost': {
    longitude: 2.3481,
    latitude: 48.8873,
    label: '6 rue Custine, 75018 Paris',
    verified: false,
  },
  'sophie@demo.quartier.localhost': {
    longitude: -2.0146,
    latitude: 48.6475,
    label: '8 rue de Dinan, 35400 Saint-Malo',
    verified: false,
  },
  'tom@demo.quartier.localhost': {
    longitude: -1.6751,
    latitude: 48.1131,
    label: '21 rue Saint-Georges, 35000 Rennes',
    verified: false,
  },
}

export const demoHomes = {
  HOMES,

  /** Places the demo accounts (ids by e-mail); Camille is super voisine, Karim moderator. */
  async place(ids: Map<string, number>) {
    for (const [email, home] of Object.entries(HOMES)) {
      const userId = ids.get(email)
      if (!userId) continue
      const placed = await placeResident(userId, {
        longitude: home.longitude,
        latitude: home.latitude,
        addressLabel: home.label,
        placement: 'map_pin',
      })
      if (home.verified) {
        await db.from('residents').where('user_id', userId).update({ verified_at: new Date() })
      }
      const role = {
        'camille@demo.quartier.localhost': 'super_voisin',
        'karim@demo.quartier.localhost': 'moderator',
      }[email]
      if (role && placed.neighbourhoodId) {
        await db
          .table('neighbourhood_roles')
          .insert({
            neighbourhood_id: placed.neighbourhoodId,
            user_id: userId,
            role,
            created_at: new Date(),
          })
          .onConflict(['neighbourhood_id', 'user_id', 'role'])
          .ignore()
      }
    }
  },
}
