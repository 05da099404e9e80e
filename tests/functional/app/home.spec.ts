import { test } from '@japa/runner'

test.group('Home page', () => {
  test('explains Quartier in French by default', async ({ client }) => {
    const response = await client.get('/')
    response.assertStatus(200)
    response.assertTextIncludes('<html lang="fr">')
    response.assertTextIncludes('Rejoindre mon quartier')
  })

  test('speaks English to an English browser', async ({ client }) => {
    const response = await client.get('/').header('accept-language', 'en-GB,en;q=0.9')
    response.assertStatus(200)
    response.assertTextIncludes('<html lang="en">')
    response.assertTextIncludes('Join my neighbourhood')
  })
})
