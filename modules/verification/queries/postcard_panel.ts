import type { ResidentHome } from '#modules/neighbourhoods/index'

/**
 * What the "postcard" column of the "Verify my address" page shows to this
 * resident (state, next step, form data). Placeholder until the method lands.
 */
export async function postcardPanel(
  _userId: number,
  _home: ResidentHome
): Promise<Record<string, unknown>> {
  return {}
}
