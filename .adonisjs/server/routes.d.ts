import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'home': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'accounts.signup.show': { paramsTuple?: []; params?: {} }
    'accounts.signup.store': { paramsTuple?: []; params?: {} }
    'accounts.session.show': { paramsTuple?: []; params?: {} }
    'accounts.session.store': { paramsTuple?: []; params?: {} }
    'accounts.session.destroy': { paramsTuple?: []; params?: {} }
    'accounts.email_confirmation.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.email_confirmation.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.email_confirmation.resend': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.show': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.store': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.mail_opt_in.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.password_reset.create': { paramsTuple?: []; params?: {} }
    'accounts.password_reset.store': { paramsTuple?: []; params?: {} }
    'accounts.password_reset.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.profile.show': { paramsTuple?: []; params?: {} }
    'accounts.profile.update': { paramsTuple?: []; params?: {} }
    'accounts.security.show': { paramsTuple?: []; params?: {} }
    'accounts.security.update_email': { paramsTuple?: []; params?: {} }
    'accounts.security.update_password': { paramsTuple?: []; params?: {} }
    'accounts.security.sign_out_others': { paramsTuple?: []; params?: {} }
    'accounts.visibility.update': { paramsTuple?: []; params?: {} }
    'accounts.photo.store': { paramsTuple?: []; params?: {} }
    'accounts.photo.destroy': { paramsTuple?: []; params?: {} }
    'accounts.residents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.residents.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'neighbourhoods.home': { paramsTuple?: []; params?: {} }
    'neighbourhoods.placement.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.placement.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.boundary.edit': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.boundary.propose': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.boundary.review': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'slug': ParamValue,'id': ParamValue,'decision': ParamValue} }
    'neighbourhoods.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.invitations.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.store_email': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.store_sms': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.letter': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.index': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'neighbourhoods.ambassadors.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.apply': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'neighbourhoods.ambassadors.kits.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.ambassadors.applications.index': { paramsTuple?: []; params?: {} }
    'operators.ambassadors.applications.decide': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'decision': ParamValue} }
    'operators.ambassadors.kits.index': { paramsTuple?: []; params?: {} }
    'operators.ambassadors.kits.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'move': ParamValue} }
    'operators.moderators.index': { paramsTuple?: []; params?: {} }
    'operators.moderators.grant': { paramsTuple?: []; params?: {} }
    'operators.moderators.revoke': { paramsTuple?: []; params?: {} }
    'verification.show': { paramsTuple?: []; params?: {} }
    'operators.verification.residents.index': { paramsTuple?: []; params?: {} }
    'operators.verification.residents.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.postcard.store': { paramsTuple?: []; params?: {} }
    'verification.postcard.verify': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.index': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.batches.store': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.postcards.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.postcards.posted': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.vouch.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'verification.cooptation.vouch.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'verification.cooptation.vouches.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.requests.store': { paramsTuple?: []; params?: {} }
    'verification.cooptation.requests.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.store': { paramsTuple?: []; params?: {} }
    'verification.documents.withdraw': { paramsTuple?: []; params?: {} }
    'verification.documents.reviews.index': { paramsTuple?: []; params?: {} }
    'verification.documents.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.documents.index': { paramsTuple?: []; params?: {} }
    'feed.show': { paramsTuple?: []; params?: {} }
    'messaging.conversations.index': { paramsTuple?: []; params?: {} }
    'messaging.conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.conversations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.conversations.since': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.blocks.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.blocks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.create': { paramsTuple?: []; params?: {} }
    'exchanges.store': { paramsTuple?: []; params?: {} }
    'exchanges.mine': { paramsTuple?: []; params?: {} }
    'exchanges.rides.search': { paramsTuple?: []; params?: {} }
    'exchanges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'exchanges.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.agree': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.done': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.returned': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.extend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.book': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.booking.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.index': { paramsTuple?: []; params?: {} }
    'alerts.create': { paramsTuple?: []; params?: {} }
    'alerts.store': { paramsTuple?: []; params?: {} }
    'alerts.live': { paramsTuple?: []; params?: {} }
    'alerts.preferences.show': { paramsTuple?: []; params?: {} }
    'alerts.preferences.update': { paramsTuple?: []; params?: {} }
    'alerts.phone.store': { paramsTuple?: []; params?: {} }
    'alerts.phone.verify': { paramsTuple?: []; params?: {} }
    'alerts.phone.destroy': { paramsTuple?: []; params?: {} }
    'alerts.push.store': { paramsTuple?: []; params?: {} }
    'alerts.push.destroy': { paramsTuple?: []; params?: {} }
    'alerts.push.devices.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.retract': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.receipts.twilio': { paramsTuple?: []; params?: {} }
    'operators.alerts.dead_letters.index': { paramsTuple?: []; params?: {} }
    'operators.alerts.dead_letters.replay': { paramsTuple?: []; params?: {} }
    'group_buys.create': { paramsTuple?: []; params?: {} }
    'group_buys.store': { paramsTuple?: []; params?: {} }
    'group_buys.mine': { paramsTuple?: []; params?: {} }
    'group_buys.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pledge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pledge.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pickup.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pickup.tick': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'pledgeId': ParamValue} }
    'partners.go': { paramsTuple: [ParamValue]; params: {'offerRef': ParamValue} }
    'operators.partners.index': { paramsTuple?: []; params?: {} }
    'operators.partners.switch': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.store': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.recommend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'organisations.photos.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'organisations.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'organisations.members.role': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'organisations.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.postcard': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'offerId': ParamValue} }
    'organisations.events.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.events.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'noticeId': ParamValue} }
    'organisations.notices.reply': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'noticeId': ParamValue} }
    'operators.organisations.index': { paramsTuple?: []; params?: {} }
    'operators.organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.organisations.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.organisations.postcards.print': { paramsTuple: [ParamValue]; params: {'postcardId': ParamValue} }
    'events.index': { paramsTuple?: []; params?: {} }
    'events.create': { paramsTuple?: []; params?: {} }
    'events.store': { paramsTuple?: []; params?: {} }
    'events.calendar.renew': { paramsTuple?: []; params?: {} }
    'events.calendar.revoke': { paramsTuple?: []; params?: {} }
    'events.ics': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.rsvp': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.rsvp.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.calendar.feed': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.reports.create': { paramsTuple?: []; params?: {} }
    'moderation.reports.store': { paramsTuple?: []; params?: {} }
    'moderation.queue': { paramsTuple?: []; params?: {} }
    'moderation.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.reports.act': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.log': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.appeals.index': { paramsTuple?: []; params?: {} }
    'moderation.appeals.store': { paramsTuple?: []; params?: {} }
    'moderation.appeal_review.index': { paramsTuple?: []; params?: {} }
    'moderation.appeal_review.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'privacy.page': { paramsTuple?: []; params?: {} }
    'privacy.goodbye': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.show': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.export': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.erase': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'notifications.unsubscribe.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'operators.dashboard': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'home': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'accounts.signup.show': { paramsTuple?: []; params?: {} }
    'accounts.session.show': { paramsTuple?: []; params?: {} }
    'accounts.email_confirmation.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.mail_opt_in.show': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.password_reset.create': { paramsTuple?: []; params?: {} }
    'accounts.password_reset.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.profile.show': { paramsTuple?: []; params?: {} }
    'accounts.security.show': { paramsTuple?: []; params?: {} }
    'accounts.residents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.residents.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'neighbourhoods.home': { paramsTuple?: []; params?: {} }
    'neighbourhoods.placement.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.boundary.edit': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.invitations.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.letter': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.index': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'neighbourhoods.ambassadors.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.ambassadors.applications.index': { paramsTuple?: []; params?: {} }
    'operators.ambassadors.kits.index': { paramsTuple?: []; params?: {} }
    'operators.moderators.index': { paramsTuple?: []; params?: {} }
    'verification.show': { paramsTuple?: []; params?: {} }
    'operators.verification.residents.index': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.index': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.postcards.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.vouch.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'verification.documents.reviews.index': { paramsTuple?: []; params?: {} }
    'verification.documents.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.documents.index': { paramsTuple?: []; params?: {} }
    'feed.show': { paramsTuple?: []; params?: {} }
    'messaging.conversations.index': { paramsTuple?: []; params?: {} }
    'messaging.conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.conversations.since': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.create': { paramsTuple?: []; params?: {} }
    'exchanges.mine': { paramsTuple?: []; params?: {} }
    'exchanges.rides.search': { paramsTuple?: []; params?: {} }
    'exchanges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'alerts.index': { paramsTuple?: []; params?: {} }
    'alerts.create': { paramsTuple?: []; params?: {} }
    'alerts.live': { paramsTuple?: []; params?: {} }
    'alerts.preferences.show': { paramsTuple?: []; params?: {} }
    'alerts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.alerts.dead_letters.index': { paramsTuple?: []; params?: {} }
    'group_buys.create': { paramsTuple?: []; params?: {} }
    'group_buys.mine': { paramsTuple?: []; params?: {} }
    'group_buys.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pickup.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'partners.go': { paramsTuple: [ParamValue]; params: {'offerRef': ParamValue} }
    'operators.partners.index': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'organisations.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'offerId': ParamValue} }
    'organisations.events.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'noticeId': ParamValue} }
    'operators.organisations.index': { paramsTuple?: []; params?: {} }
    'operators.organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.index': { paramsTuple?: []; params?: {} }
    'events.create': { paramsTuple?: []; params?: {} }
    'events.ics': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.calendar.feed': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.reports.create': { paramsTuple?: []; params?: {} }
    'moderation.queue': { paramsTuple?: []; params?: {} }
    'moderation.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.log': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.appeals.index': { paramsTuple?: []; params?: {} }
    'moderation.appeal_review.index': { paramsTuple?: []; params?: {} }
    'privacy.page': { paramsTuple?: []; params?: {} }
    'privacy.goodbye': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.show': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'operators.dashboard': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'home': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'accounts.signup.show': { paramsTuple?: []; params?: {} }
    'accounts.session.show': { paramsTuple?: []; params?: {} }
    'accounts.email_confirmation.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.mail_opt_in.show': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.password_reset.create': { paramsTuple?: []; params?: {} }
    'accounts.password_reset.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.profile.show': { paramsTuple?: []; params?: {} }
    'accounts.security.show': { paramsTuple?: []; params?: {} }
    'accounts.residents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.residents.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'neighbourhoods.home': { paramsTuple?: []; params?: {} }
    'neighbourhoods.placement.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.boundary.edit': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.invitations.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.letter': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.index': { paramsTuple?: []; params?: {} }
    'neighbourhoods.join.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'neighbourhoods.ambassadors.show': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.create': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.ambassadors.applications.index': { paramsTuple?: []; params?: {} }
    'operators.ambassadors.kits.index': { paramsTuple?: []; params?: {} }
    'operators.moderators.index': { paramsTuple?: []; params?: {} }
    'verification.show': { paramsTuple?: []; params?: {} }
    'operators.verification.residents.index': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.index': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.postcards.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.vouch.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'verification.documents.reviews.index': { paramsTuple?: []; params?: {} }
    'verification.documents.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.verification.documents.index': { paramsTuple?: []; params?: {} }
    'feed.show': { paramsTuple?: []; params?: {} }
    'messaging.conversations.index': { paramsTuple?: []; params?: {} }
    'messaging.conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.conversations.since': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.create': { paramsTuple?: []; params?: {} }
    'exchanges.mine': { paramsTuple?: []; params?: {} }
    'exchanges.rides.search': { paramsTuple?: []; params?: {} }
    'exchanges.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'alerts.index': { paramsTuple?: []; params?: {} }
    'alerts.create': { paramsTuple?: []; params?: {} }
    'alerts.live': { paramsTuple?: []; params?: {} }
    'alerts.preferences.show': { paramsTuple?: []; params?: {} }
    'alerts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.alerts.dead_letters.index': { paramsTuple?: []; params?: {} }
    'group_buys.create': { paramsTuple?: []; params?: {} }
    'group_buys.mine': { paramsTuple?: []; params?: {} }
    'group_buys.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.order_sheet.csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pickup.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'partners.go': { paramsTuple: [ParamValue]; params: {'offerRef': ParamValue} }
    'operators.partners.index': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'organisations.members.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'offerId': ParamValue} }
    'organisations.events.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'noticeId': ParamValue} }
    'operators.organisations.index': { paramsTuple?: []; params?: {} }
    'operators.organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.index': { paramsTuple?: []; params?: {} }
    'events.create': { paramsTuple?: []; params?: {} }
    'events.ics': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.calendar.feed': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.reports.create': { paramsTuple?: []; params?: {} }
    'moderation.queue': { paramsTuple?: []; params?: {} }
    'moderation.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.log': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.appeals.index': { paramsTuple?: []; params?: {} }
    'moderation.appeal_review.index': { paramsTuple?: []; params?: {} }
    'privacy.page': { paramsTuple?: []; params?: {} }
    'privacy.goodbye': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.show': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'operators.dashboard': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'locale.update': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'accounts.signup.store': { paramsTuple?: []; params?: {} }
    'accounts.session.store': { paramsTuple?: []; params?: {} }
    'accounts.session.destroy': { paramsTuple?: []; params?: {} }
    'accounts.email_confirmation.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.email_confirmation.resend': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.store': { paramsTuple?: []; params?: {} }
    'accounts.mail_opt_in.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.password_reset.store': { paramsTuple?: []; params?: {} }
    'accounts.password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.profile.update': { paramsTuple?: []; params?: {} }
    'accounts.security.update_email': { paramsTuple?: []; params?: {} }
    'accounts.security.update_password': { paramsTuple?: []; params?: {} }
    'accounts.security.sign_out_others': { paramsTuple?: []; params?: {} }
    'accounts.visibility.update': { paramsTuple?: []; params?: {} }
    'accounts.photo.store': { paramsTuple?: []; params?: {} }
    'accounts.photo.destroy': { paramsTuple?: []; params?: {} }
    'neighbourhoods.placement.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.boundary.propose': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'neighbourhoods.boundary.review': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'slug': ParamValue,'id': ParamValue,'decision': ParamValue} }
    'neighbourhoods.invitations.store_email': { paramsTuple?: []; params?: {} }
    'neighbourhoods.invitations.store_sms': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.apply': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.store': { paramsTuple?: []; params?: {} }
    'neighbourhoods.ambassadors.kits.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.ambassadors.applications.decide': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'decision': ParamValue} }
    'operators.ambassadors.kits.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'move': ParamValue} }
    'operators.moderators.grant': { paramsTuple?: []; params?: {} }
    'operators.moderators.revoke': { paramsTuple?: []; params?: {} }
    'operators.verification.residents.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.postcard.store': { paramsTuple?: []; params?: {} }
    'verification.postcard.verify': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.batches.store': { paramsTuple?: []; params?: {} }
    'operators.verification.postcards.posted': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.vouch.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'verification.cooptation.vouches.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.cooptation.requests.store': { paramsTuple?: []; params?: {} }
    'verification.cooptation.requests.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.store': { paramsTuple?: []; params?: {} }
    'verification.documents.withdraw': { paramsTuple?: []; params?: {} }
    'verification.documents.reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verification.documents.reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.conversations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.blocks.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'messaging.blocks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.store': { paramsTuple?: []; params?: {} }
    'exchanges.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.agree': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.done': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.returned': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.extend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.book': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exchanges.booking.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.store': { paramsTuple?: []; params?: {} }
    'alerts.preferences.update': { paramsTuple?: []; params?: {} }
    'alerts.phone.store': { paramsTuple?: []; params?: {} }
    'alerts.phone.verify': { paramsTuple?: []; params?: {} }
    'alerts.phone.destroy': { paramsTuple?: []; params?: {} }
    'alerts.push.store': { paramsTuple?: []; params?: {} }
    'alerts.push.destroy': { paramsTuple?: []; params?: {} }
    'alerts.push.devices.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.retract': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'alerts.receipts.twilio': { paramsTuple?: []; params?: {} }
    'operators.alerts.dead_letters.replay': { paramsTuple?: []; params?: {} }
    'group_buys.store': { paramsTuple?: []; params?: {} }
    'group_buys.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pledge': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pledge.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'group_buys.pickup.tick': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'pledgeId': ParamValue} }
    'operators.partners.switch': { paramsTuple?: []; params?: {} }
    'organisations.store': { paramsTuple?: []; params?: {} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.recommend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.photos.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'organisations.members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'organisations.members.role': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'userId': ParamValue} }
    'organisations.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.postcard': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.verification.code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.offers.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.events.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.notices.reply': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'noticeId': ParamValue} }
    'operators.organisations.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'operators.organisations.postcards.print': { paramsTuple: [ParamValue]; params: {'postcardId': ParamValue} }
    'events.store': { paramsTuple?: []; params?: {} }
    'events.calendar.renew': { paramsTuple?: []; params?: {} }
    'events.calendar.revoke': { paramsTuple?: []; params?: {} }
    'events.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.rsvp': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'events.rsvp.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.reports.store': { paramsTuple?: []; params?: {} }
    'moderation.reports.act': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.appeals.store': { paramsTuple?: []; params?: {} }
    'moderation.appeal_review.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'privacy.personal_data.export': { paramsTuple?: []; params?: {} }
    'privacy.personal_data.erase': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.unsubscribe.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}