/*
| Routes of the events module. Route names: 'events.*'. Pages are for
| signed-in residents; posting needs a verified address and answering
| too (the 403 page tells how to get one); each event is checked against
| the viewer's scope (404 when out of it), edits and cancellation against
| its author. The neighbourhood calendar is for calendar apps: no
| session, a per-resident token instead.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { calendarFeedThrottle, eventWriteThrottle, rsvpThrottle } from '#modules/events/limiters'

const EventsController = () => import('#modules/events/controllers/events_controller')
const RsvpsController = () => import('#modules/events/controllers/rsvps_controller')
const CalendarController = () => import('#modules/events/controllers/calendar_controller')

router
  .group(() => {
    router.get('/events', [EventsController, 'index']).as('events.index')
    router
      .get('/events/new', [EventsController, 'create'])
      .as('events.create')
      .use(middleware.verified({ ability: 'post' }))
    router
      .post('/events', [EventsController, 'store'])
      .as('events.store')
      .use([middleware.verified({ ability: 'post' }), eventWriteThrottle])
    router.post('/events/calendar/link', [CalendarController, 'renew']).as('events.calendar.renew')
    router
      .post('/events/calendar/revoke', [CalendarController, 'revoke'])
      .as('events.calendar.revoke')
    /** "12.ics": the id is checked by the controller (a route matcher sees the suffix too). */
    router.get('/events/:id.ics', [EventsController, 'ics']).as('events.ics')

    router
      .group(() => {
        router.get('/', [EventsController, 'show']).as('show')
        router
          .post('/', [EventsController, 'update'])
          .as('update')
          .use([middleware.verified({ ability: 'post' }), eventWriteThrottle])
        router.get('/edit', [EventsController, 'edit']).as('edit')
        router.post('/cancel', [EventsController, 'cancel']).as('cancel')
        router
          .post('/rsvp', [RsvpsController, 'store'])
          .as('rsvp')
          .use([middleware.verified({ ability: 'rsvp' }), rsvpThrottle])
        router.post('/rsvp/withdraw', [RsvpsController, 'withdraw']).as('rsvp.withdraw')
      })
      .prefix('/events/:id')
      .where('id', router.matchers.number())
      .as('events')
  })
  .use(middleware.auth())

router
  .get('/neighbourhoods/:id/events.ics', [CalendarController, 'feed'])
  .where('id', router.matchers.number())
  .as('events.calendar.feed')
  .use(calendarFeedThrottle)
