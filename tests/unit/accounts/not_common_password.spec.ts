import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { notCommonPassword } from '#modules/accounts/validators/not_common_password'

const validator = vine.create({ password: vine.string().use(notCommonPassword()) })

test.group('notCommonPassword rule', () => {
  test('refuses {$self}')
    .with(['azerty1234', 'MotDePasse123', '1111111111', 'abababababab', '0000000000'])
    .run(async ({ assert }, password) => {
      const [error] = await validator.tryValidate({ password })
      assert.exists(error)
    })

  test('accepts {$self}')
    .with(['un jardin partagé', 'Trois pommes de reinette', 'vélo-cargo du samedi'])
    .run(async ({ assert }, password) => {
      const [error, value] = await validator.tryValidate({ password })
      assert.isNull(error)
      assert.equal(value!.password, password)
    })
})
