// The relationship-layer edges (see cypher/README.md) for the exports, strongest first. $actor (ISO3 or organisation
// id, or null for every edge) starts from the actor's node (unique-index seek); without it the typed edges are
// scanned. $types: relationship types to keep (MET_WITH, ...) or null. $since / $until: ISO dates of any precision or
// null; an edge is kept when its [first_date, last_date] overlaps the range (undated edges only without bounds).
// $limit bounds the rows (callers ask one more than they keep, to know whether the export was cut).
// params: $actor, $types, $since, $until, $limit
// returns: source, source_name, source_kind, target, target_name, target_kind, type, quad_class, event_count, first_date, last_date
CALL () {
  MATCH (:Country {id: $actor})-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]-(:Country|Organization)
  RETURN r
  UNION
  MATCH (:Organization {id: $actor})-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]-(:Country|Organization)
  RETURN r
  UNION
  MATCH (:Country|Organization)-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]->(:Country|Organization)
    WHERE $actor IS NULL
  RETURN r
}
WITH r
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($since IS NULL OR r.last_date >= $since OR $since STARTS WITH r.last_date)
    AND ($until IS NULL OR r.first_date <= $until OR r.first_date STARTS WITH $until)
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
