// Countries by ISO 3166-1 alpha-3 code: $rows = [{id: "USA", name: "United States"}, ...], one row per country.
// Keyed `id` like every actor label; the code is also kept as `iso3`.
// The first name seen is kept: a later article's spelling never renames a country, but a country first created
// without a name (row.name null, which sets nothing) gets one when a row brings it.
// params: $rows
// returns: none
UNWIND $rows AS row
MERGE (c:Country {id: row.id})
  ON CREATE SET c.iso3 = row.id, c.name = row.name
  ON MATCH SET c.name = coalesce(c.name, row.name)
