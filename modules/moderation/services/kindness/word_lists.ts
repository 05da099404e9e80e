/** A list written as words separated by spaces. */
function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean)
}

/** A list written as expressions separated by commas. */
function expressions(list: string): string[] {
  return list
    .split(',')
    .map((expression) => expression.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

/**
 * Insults and slurs the kindness reminder notices, as people write them
 * (accents and case do not matter: see normalise.ts). Whole words only,
 * and no word that is also an everyday one in French or English: "con"
 * (chili con carne, pros and cons), "bite" (to bite), "chatte" (a cat),
 * "cul" (cul-de-sac), "douche", "retard", "pédale", "tapette", "andouille"
 * or "dick" would stop innocent posts, so they only count inside an
 * expression ("pauvre con", "sale tapette"). Plurals ending in s or x are
 * recognised from the singular.
 *
 * The reminder only suggests rephrasing: a word missing here is a missed
 * nudge, a word wrongly here annoys every neighbour who uses it.
 */
export const FRENCH_WORDS = words(`
  connard connarde conard connasse conasse conne ducon salaud salope salopard saloperie enculé
  enculée enculer enfoiré enfoirée abruti abrutie crétin crétine débile imbécile idiot idiote
  bouffon bouffonne boloss bolos bâtard bâtarde pétasse pouffiasse grognasse raclure tocard
  tocarde trouduc couillon couillonne gogol mongolien triso dégénéré dégénérée branleur
  branleuse glandu pignouf crevard vermine racaille cassos plouc péquenot pute fdp ntm ftg tg pd
  pédé gouine tarlouze tantouze fiotte travelo nègre négro bougnoule bicot youpin youtre chintok
  niakoué bamboula
`)

export const ENGLISH_WORDS = words(`
  idiot moron dumbass jackass asshole arsehole bastard bitch bitches fuck fucker fucking
  motherfucker shithead wanker twat cunt prick dickhead douchebag scumbag loser imbecile cretin
  retarded dimwit halfwit nitwit numbskull bonehead knobhead bellend tosser slut whore skank
  bimbo faggot tranny nigger nigga chink spic kike wetback paki gook raghead towelhead stfu gtfo
  kys pervert scum lowlife degenerate pillock dipshit
`)

export const FRENCH_EXPRESSIONS = expressions(`
  pauvre con, espèce de con, gros con, sale con, quel con, petit con, vieux con, bande de cons,
  t'es con, tu es con, fils de pute, ta gueule, ferme ta gueule, nique ta mère,
  va te faire foutre, va te faire voir, va chier, va crever, trou du cul, lèche-cul, sous-merde,
  petite merde, sac à merde, tête de nœud, grosse vache, gros porc, sale porc, grosse truie,
  sale tapette, sale pédale, sale arabe, sale juif, sale noir, sale race, pauvre type,
  attardé mental
`)

export const ENGLISH_EXPRESSIONS = expressions(`
  son of a bitch, piece of shit, shut the fuck up, shut up, kill yourself, go to hell, piss off,
  fuck off, fuck you, go fuck yourself, you suck, fat pig, fat cow, stupid cow, dirty arab,
  dirty jew
`)
