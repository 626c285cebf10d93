// GET /ask "who leads X": the people the news names in a head role ($roles, the gazetteer's head-of-state or
// government titles) of the country $iso3, most recently seen first.
// params: $iso3, $roles, $limit
// returns: id, name, role, first_seen, last_seen
MATCH (p:Person)-[h:HOLDS_OFFICE]->(:Country {iso3: $iso3})
WHERE h.role IN $roles
RETURN p.id AS id, p.name AS name, h.role AS role, h.first_seen AS first_seen, h.last_seen AS last_seen
ORDER BY coalesce(h.last_seen, '') DESC, p.id
LIMIT $limit
