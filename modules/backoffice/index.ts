/** Public API of the back office module: nothing yet (operators only read its pages). */
export {}
