/*
| Routes of the feed module. Route names: 'feed.*'.
*/
import '#modules/feed/channels'
