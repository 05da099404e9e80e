/**
 * Organisations' names for their events. Events never read organisation
 * tables: the organisations module registers how to name and link its
 * organisations (at boot), and pages ask here. Until it does, an
 * organisation's event shows its member as author.
 */
export interface OrganisationAuthor {
  name: string
  path: string
}

export interface OrganisationDirectory {
  namesOf(ids: number[]): Promise<Map<number, OrganisationAuthor>>
}

let directory: OrganisationDirectory | null = null

export function registerOrganisationDirectory(value: OrganisationDirectory): void {
  directory = value
}

export async function organisationAuthors(
  ids: (number | null)[]
): Promise<Map<number, OrganisationAuthor>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (!directory || wanted.length === 0) return new Map()
  return directory.namesOf(wanted)
}
