/**
 * Public API of the exchanges module (other modules import only this).
 * Exchanges reach the feed through its source registry; the back office
 * reads the weekly figures.
 */
export { weeklyExchanges } from '#modules/exchanges/queries/back_office_figures'
