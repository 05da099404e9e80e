import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

const OWN = 'organisations.validator'
const SHARED = 'validator.shared'

/**
 * VineJS messages for the organisations' forms: field names and messages
 * from organisations.json first (organisations.validator.*), then the
 * shared generic ones (validator.json), so common rules keep their
 * wording; the shared per-field messages belong to other forms (their
 * `kind` is a kind of post) and are not used.
 */
export function messagesFor(i18n: I18n): MessagesProviderContact {
  const lookup = (key: string) => i18n.resolveIdentifier(key)?.message
  const fieldName = (name: string) => {
    const found = lookup(`${OWN}.fields.${name}`) ?? lookup(`${SHARED}.fields.${name}`)
    return found ? i18n.formatRawMessage(found) : name
  }
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const values = { field: fieldName(String(field.name)), ...meta }
      const path = field.wildCardPath
      const message =
        lookup(`${OWN}.messages.${path}.${rule}`) ??
        lookup(`${OWN}.messages.${rule}`) ??
        lookup(`${SHARED}.messages.${rule}`)
      if (message) return i18n.formatRawMessage(message, values)
      return defaultMessage.replace(/\{\{\s*field\s*\}\}|\{field\}/g, values.field)
    },
  }
}
