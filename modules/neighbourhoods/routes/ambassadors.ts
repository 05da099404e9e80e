/* Super voisin routes (to come). */
export {}
