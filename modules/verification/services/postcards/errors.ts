/**
 * A postcard request or code refused, with the reason (a key under
 * postcards.errors), what fills its message, the HTTP status and, when it
 * is about one field, that field (the message shows beside it).
 */
export class PostcardRefusal extends Error {
  constructor(
    public reason: string,
    public values: Record<string, string | number | Date> = {},
    public status = 409,
    public field?: string
  ) {
    super(`postcard refused: ${reason}`)
  }
}
