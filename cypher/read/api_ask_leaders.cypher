// GET /ask "who leads X": the people the news names in a head role ($roles, the gazetteer's head-of-state or
// government titles, or the one office the question names) of the country $iso3, most recently seen first; with
// $since / $until (ISO dates of any precision, null: open), only offices seen in the news within that range.
// params: $iso3, $roles, $since, $until, $limit
// returns: id, name, role, first_seen, last_seen
MATCH (p:Person)-[h:HOLDS_OFFICE]->(:Country {id: $iso3})
WHERE h.role IN $roles
  AND ($since IS NULL OR h.last_seen >= $since OR $since STARTS WITH h.last_seen)
  AND ($until IS NULL OR h.first_seen <= $until OR h.first_seen STARTS WITH $until)
RETURN p.id AS id, p.name AS name, h.role AS role, h.first_seen AS first_seen, h.last_seen AS last_seen
ORDER BY coalesce(h.last_seen, '') DESC, p.id
LIMIT $limit
