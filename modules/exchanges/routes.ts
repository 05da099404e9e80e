/*
| Routes of the exchanges module. Route names: 'exchanges.*'.
*/
export {}
