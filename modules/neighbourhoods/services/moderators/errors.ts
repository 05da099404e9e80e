/**
 * Refusals of the moderator role use cases; the controller shows the page
 * again with a translated message (never a 500).
 */
export class NotSuperVoisinOfNeighbourhoodError extends Error {
  constructor() {
    super('Only a super voisin of a neighbourhood can become its moderator')
  }
}
