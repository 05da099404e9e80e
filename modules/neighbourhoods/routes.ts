/*
| Routes of the neighbourhoods module. Route names: 'neighbourhoods.*'.
*/
await import('#modules/neighbourhoods/routes/invitations')
await import('#modules/neighbourhoods/routes/ambassadors')
