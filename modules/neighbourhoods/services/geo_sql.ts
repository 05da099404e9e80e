/**
 * SQL fragments shared by the module's queries. Values always travel as
 * bindings (`?`), never inside the SQL text.
 */

/** A WGS84 point from two bindings: longitude, latitude. */
export const POINT = 'ST_SetSRID(ST_MakePoint(?, ?), 4326)'

/**
 * A polygonal geometry from a GeoJSON binding, made valid and forced to a
 * MultiPolygon (ST_MakeValid may return a collection: keep its polygons).
 */
export const MULTIPOLYGON_FROM_GEOJSON =
  'ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), 3))'

/**
 * The point others see: snapped to a grid of about `grid` metres. The grid
 * is Web Mercator, widened by 1/cos(latitude) to stay ~square on the
 * ground; the latitude is rounded to the degree so that the grid is the
 * same for everyone in a band (neighbours share their display point).
 * Bindings: longitude, latitude, grid metres, latitude.
 */
export const FUZZED_POINT = `ST_Transform(
  ST_SnapToGrid(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 3857), ? / cos(radians(round(?::numeric)))),
  4326
)`
