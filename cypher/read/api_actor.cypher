// One state or organisation by key (ISO3 or organisation id), with counts, and the officials holding office in it
// (a state's; one row per person and role, most recently seen first). No row when the actor is not in the graph.
// params: $actor
// returns: id, name, kind, event_count, article_count, officials
CALL () {
  MATCH (c:Country {id: $actor})
  RETURN c AS actor
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS actor
}
CALL (actor) {
  OPTIONAL MATCH (p:Person)-[h:HOLDS_OFFICE]->(actor)
  WITH p, h
  ORDER BY h.last_seen DESC, h.first_seen, p.id, h.role
  RETURN [x IN collect({
    id: p.id, name: p.name, role: h.role, first_seen: h.first_seen, last_seen: h.last_seen
  }) WHERE x.id IS NOT NULL] AS officials
}
RETURN
  actor.id AS id,
  actor.name AS name,
  CASE WHEN actor:Country THEN 'country' ELSE coalesce(actor.kind, 'org') END AS kind,
  COUNT { (actor)-[:PARTICIPATED_IN]->() } AS event_count,
  COUNT { ()-[:MENTIONS]->(actor) } AS article_count,
  officials
