// People with their offices, by name; $country (ISO3) keeps those holding an office in that state (null: everyone).
// With a country it starts from the Country node (unique-index seek) and its HOLDS_OFFICE edges.
// params: $country, $limit
// returns: id, name, aliases, offices, event_count
CALL () {
  MATCH (p:Person)-[:HOLDS_OFFICE]->(:Country {id: $country})
  RETURN DISTINCT p
  UNION
  MATCH (p:Person)
    WHERE $country IS NULL
  RETURN p
}
WITH p
ORDER BY p.name, p.id
LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS_OFFICE]->(c:Country)
  WITH h, c
  ORDER BY h.last_seen DESC, c.id, h.role
  RETURN [x IN collect({
    country: c.id, country_name: c.name, role: h.role, first_seen: h.first_seen, last_seen: h.last_seen
  }) WHERE x.country IS NOT NULL] AS offices
}
RETURN
  p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, offices,
  COUNT { (p)-[:PARTICIPATED_IN]->() } AS event_count
ORDER BY name, id
