// The people holding an office of the countries $countries (ISO3 codes), for the GraphML export: one row per
// office, with the publication dates of the first and last articles naming them so.
// params: $countries
// returns: person, name, country, role, first_seen, last_seen
UNWIND $countries AS iso3
MATCH (p:Person)-[o:HOLDS_OFFICE]->(c:Country {id: iso3})
RETURN p.id AS person, p.name AS name, c.id AS country, o.role AS role, o.first_seen AS first_seen,
  o.last_seen AS last_seen
ORDER BY country, person, role
