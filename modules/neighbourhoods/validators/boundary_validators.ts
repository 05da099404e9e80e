import vine from '@vinejs/vine'

/** The boundary itself is checked by services/boundary_checks.ts. */
const boundary = () => vine.string().trim().minLength(2).maxLength(400_000)

export const createNeighbourhoodValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  boundary: boundary(),
})

export const proposeBoundaryValidator = vine.create({
  boundary: boundary(),
  reason: vine.string().trim().minLength(5).maxLength(500),
})
