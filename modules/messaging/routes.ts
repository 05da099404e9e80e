/*
| Routes of the messaging module. Route names: 'messaging.*'.
*/
export {}
