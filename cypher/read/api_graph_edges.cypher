// One step of the /graph breadth-first walk: the relationship-layer edges (see cypher/README.md) touching the actors
// $ids (ISO3 or organisation ids), strongest first, with both ends. Each id is an index seek, and the typed
// pattern reads only the layer's relationship groups of a dense country.
// $since / $until: ISO dates of any precision or null; an edge is kept when its [first_date, last_date] overlaps
// the range (its event_count still counts all of its events). $within: null, or the keys the other end must have
// (the walk's last pass only links nodes already drawn: filtering here, not in the API, keeps the rows few). $limit
// bounds the rows.
// params: $ids, $within, $since, $until, $limit
// returns: source, source_name, source_kind, target, target_name, target_kind, type, quad_class, event_count, first_date, last_date
UNWIND $ids AS key
CALL (key) {
  MATCH (c:Country {id: key})
  RETURN c AS actor
  UNION
  MATCH (o:Organization {id: key})
  RETURN o AS actor
}
MATCH (actor)-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]-(other:Country|Organization)
  WHERE ($within IS NULL OR other.id IN $within)
    AND ($since IS NULL OR r.last_date >= $since OR $since STARTS WITH r.last_date)
    AND ($until IS NULL OR r.first_date <= $until OR r.first_date STARTS WITH $until)
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
ORDER BY r.event_count DESC, s.id, t.id, type(r)
LIMIT $limit
RETURN
  s.id AS source,
  s.name AS source_name,
  CASE WHEN s:Country THEN 'country' ELSE coalesce(s.kind, 'org') END AS source_kind,
  t.id AS target,
  t.name AS target_name,
  CASE WHEN t:Country THEN 'country' ELSE coalesce(t.kind, 'org') END AS target_kind,
  type(r) AS type,
  r.quad_class AS quad_class,
  r.event_count AS event_count,
  r.first_date AS first_date,
  r.last_date AS last_date
