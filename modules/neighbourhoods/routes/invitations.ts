/* Invitation routes (to come). */
export {}
