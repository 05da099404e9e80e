/*
| Routes of the group buys module. Route names: 'group_buys.*'.
*/
