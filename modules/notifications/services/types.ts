import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** A kind of notification residents can switch on or off (per channel). */
export interface NotificationType {
  /** e.g. 'events.changed', 'moderation.action' (module prefix first). */
  type: string
  /** Translation key naming it on the preferences page. */
  labelKey: string
  /**
   * Mailed unless the resident turned it off. Every type can be turned
   * off (no mail anyone cannot stop in one click); the centre keeps all.
   */
  emailByDefault: boolean
  /**
   * For a module that keeps the e-mail choice itself (alerts): what an
   * unsubscribe link does instead of storing a preference here. Runs in
   * the unsubscribe transaction: use trx only.
   */
  stopEmail?: (userId: number, trx: TransactionClientContract) => Promise<void>
  /** With stopEmail: the route of the module's own page where the choice is made (linked, no checkbox here). */
  preferencesRoute?: string
}

const types = new Map<string, NotificationType>()

/** Called from a module provider's boot(). */
export function registerNotificationType(type: NotificationType) {
  types.set(type.type, type)
}

export function notificationTypes(): NotificationType[] {
  return [...types.values()]
}

/** A registered type, or the default for one nobody declared: mailed, can be turned off. */
export function typeOf(name: string): NotificationType {
  return (
    types.get(name) ?? {
      type: name,
      labelKey: 'notifications.types.other',
      emailByDefault: true,
    }
  )
}

export function isRegistered(name: string): boolean {
  return types.has(name)
}
