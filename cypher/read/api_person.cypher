// One person by id (person:<slug>): offices, and the events they acted in (newest first, at most $limit). No row
// for an unknown id.
// params: $id, $limit
// returns: id, name, aliases, offices, events
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS_OFFICE]->(c:Country)
  WITH h, c
  ORDER BY h.last_seen DESC, c.id, h.role
  RETURN [x IN collect({
    country: c.id, country_name: c.name, role: h.role, first_seen: h.first_seen, last_seen: h.last_seen
  }) WHERE x.country IS NOT NULL] AS offices
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  WITH r, e
  ORDER BY coalesce(e.date, '') DESC, e.id DESC
  LIMIT $limit
  RETURN [x IN collect({
    id: e.id, type: e.type, quad_class: e.quad_class, date: e.date, status: e.status, role: r.role
  }) WHERE x.id IS NOT NULL] AS events
}
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, offices, events
