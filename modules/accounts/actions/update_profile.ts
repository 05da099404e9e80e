import type User from '#modules/accounts/models/user'

export interface UpdateProfileInput {
  displayName: string
  locale: string
}

export default class UpdateProfile {
  async execute(user: User, input: UpdateProfileInput): Promise<User> {
    user.merge(input)
    await user.save()
    return user
  }
}
