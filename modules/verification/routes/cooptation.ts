/*
| Co-optation: two verified neighbours vouch for a resident.
*/
