import db from '@adonisjs/lucid/services/db'
import User from '#modules/accounts/models/user'
import SendEmailConfirmation from '#modules/accounts/actions/send_email_confirmation'
import { EmailTakenError, isUniqueViolation } from '#modules/accounts/errors'

export interface RegisterResidentInput {
  displayName: string
  email: string
  password: string
  homeAddress: string
  locale: string
}

/**
 * Creates a resident account and mails the confirmation link. The mail is
 * queued after the commit: nothing is sent for a row that does not exist.
 */
export default class RegisterResident {
  async execute(input: RegisterResidentInput): Promise<User> {
    let user: User
    try {
      user = await db.transaction(async (trx) => {
        return User.create(
          {
            displayName: input.displayName,
            email: input.email,
            password: input.password,
            homeAddress: input.homeAddress,
            locale: input.locale,
            emailVerifiedAt: null,
            sessionEpoch: 0,
          },
          { client: trx }
        )
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError()
      throw error
    }
    await new SendEmailConfirmation().execute(user)
    return user
  }
}
