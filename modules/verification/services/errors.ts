/**
 * Refusals of the verification module, translated by the controllers
 * (keys under verification.errors / postcards.errors / ...).
 */

/** The resident has not placed their home yet: nothing to prove. */
export class NotPlacedError extends Error {}

/** The resident's address is already proven. */
export class AlreadyVerifiedError extends Error {}

/** No standing verification to revoke. */
export class NothingToRevokeError extends Error {}
