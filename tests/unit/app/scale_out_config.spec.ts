import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { queueConfig } from '#config/queue'
import { redisOptionsFromUrl } from '#config/redis'
import { transmitConfig } from '#config/transmit'

test.group('One app process or several (REDIS_URL)', () => {
  test('without REDIS_URL: jobs in PostgreSQL, no Redis adapter, no Transmit transport', ({
    assert,
  }) => {
    const queue = queueConfig({})
    assert.equal(queue.default, 'database')
    assert.notProperty(queue.adapters, 'redis')
    assert.isNull(transmitConfig(undefined).transport)
  })

  test('with REDIS_URL: jobs in Redis and broadcasts through Redis', ({ assert }) => {
    const queue = queueConfig({ redisUrl: 'redis://127.0.0.1:6379/0' })
    assert.equal(queue.default, 'redis')
    assert.property(queue.adapters, 'redis')
    assert.property(queue.adapters, 'database')

    const transport = transmitConfig('redis://127.0.0.1:6379/0').transport
    assert.isNotNull(transport)
    assert.isFunction(transport!.driver)
    assert.equal(transport!.channel, 'quartier::transmit')
  })

  test('QUEUE_DRIVER wins; redis without REDIS_URL is refused with what to set', ({ assert }) => {
    assert.equal(
      queueConfig({ driver: 'database', redisUrl: 'redis://h:6379' }).default,
      'database'
    )
    assert.equal(queueConfig({ driver: 'sync' }).default, 'sync')
    assert.throws(() => queueConfig({ driver: 'redis' }), /QUEUE_DRIVER=redis needs REDIS_URL/)
  })

  test('the running app follows REDIS_URL', ({ assert }) => {
    const transport = app.config.get<{ transport: unknown }>('transmit').transport
    if (process.env.REDIS_URL) assert.isNotNull(transport)
    else assert.isNull(transport)
  })

  test('REDIS_URL is read into connection options', ({ assert }) => {
    assert.deepEqual(redisOptionsFromUrl('redis://127.0.0.1:6390'), {
      host: '127.0.0.1',
      port: 6390,
      db: 0,
    })
    assert.deepEqual(redisOptionsFromUrl('rediss://app:s%40cret@redis.example.org/2'), {
      host: 'redis.example.org',
      port: 6379,
      username: 'app',
      password: 's@cret',
      db: 2,
      tls: {},
    })
    assert.deepEqual(redisOptionsFromUrl('redis://:secret@[::1]:6379'), {
      host: '::1',
      port: 6379,
      password: 'secret',
      db: 0,
    })
  })
})
