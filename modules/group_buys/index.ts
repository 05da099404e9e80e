/**
 * Public API of the group buys module (other modules import only this).
 */
export {}
