// The relationship layer: typed, dated edges between actors, derived from events (mapping: service/shared/relations.py).
// $rows = [{event_id, type, a, b}]: a and b are the keys (ISO3 or organisation id) of two actors that took part in
// the event, in the edge's direction; type is a Relation name. Only the edges of these rows are touched, so keeping
// the layer current costs the same whatever the size of the graph: the event joins the edge's event_ids once, and
// the edge's summary is recomputed from its own events (an event whose date was refined moves its edges' dates;
// undated events count but give no date): event_count, first_date, last_date, score (sum of confidence x weight,
// 2 for material events, 1 for verbal: what GET /countries/{id}/partners ranks by) and top_event_ids (the three
// strongest events: confidence, then newest; where the partners' evidence comes from).
// Each row also keeps the pair's index entry: (the pair's smaller key)-[:BETWEEN {pair: "RUS|UKR", date}]->(event),
// with the event's date ('' when undated), so that GET /relations reads a pair's newest events from the
// (pair, date) relationship index instead of walking every event of a busy country.
// A relationship type cannot be a parameter and nothing is formatted into Cypher, so MERGE picks its type from a
// fixed set of FOREACH branches, one per Relation (tests/test_load.py checks they match the Enum); a type outside
// the set creates nothing. The edge is then found again among the relationship-layer types by type(r).
// CYPHER replan=skip: the plan is fixed by unique-index seeks whatever the statistics, and a young, growing graph
// would otherwise make Neo4j re-plan it every 10 s (see cypher/README.md, "Loading").
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (a:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE coalesce(a.iso3, a.id) = row.a
MATCH (b:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE coalesce(b.iso3, b.id) = row.b
WITH DISTINCT row.type AS rel_type, e, a, b
FOREACH (_ IN CASE WHEN rel_type = 'MET_WITH'          THEN [1] ELSE [] END | MERGE (a)-[:MET_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'AGREED_WITH'       THEN [1] ELSE [] END | MERGE (a)-[:AGREED_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'COOPERATES_WITH'   THEN [1] ELSE [] END | MERGE (a)-[:COOPERATES_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SUPPORTS'          THEN [1] ELSE [] END | MERGE (a)-[:SUPPORTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'CONCEDES_TO'       THEN [1] ELSE [] END | MERGE (a)-[:CONCEDES_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'AIDS'              THEN [1] ELSE [] END | MERGE (a)-[:AIDS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'DEPLOYS_TROOPS_TO' THEN [1] ELSE [] END | MERGE (a)-[:DEPLOYS_TROOPS_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SHOWS_FORCE_TO'    THEN [1] ELSE [] END | MERGE (a)-[:SHOWS_FORCE_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'ATTACKS'           THEN [1] ELSE [] END | MERGE (a)-[:ATTACKS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SANCTIONS'         THEN [1] ELSE [] END | MERGE (a)-[:SANCTIONS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'ACCUSES'           THEN [1] ELSE [] END | MERGE (a)-[:ACCUSES]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'THREATENS'         THEN [1] ELSE [] END | MERGE (a)-[:THREATENS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'REQUESTS'          THEN [1] ELSE [] END | MERGE (a)-[:REQUESTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'REJECTS'           THEN [1] ELSE [] END | MERGE (a)-[:REJECTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'COERCES'           THEN [1] ELSE [] END | MERGE (a)-[:COERCES]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'PROTESTS_AGAINST'  THEN [1] ELSE [] END | MERGE (a)-[:PROTESTS_AGAINST]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'RETREATS_FROM'     THEN [1] ELSE [] END | MERGE (a)-[:RETREATS_FROM]->(b))
WITH rel_type, e, a, b
// Typed, so that only these relationship groups of a (dense) country are read, not its thousands of
// PARTICIPATED_IN and MENTIONS edges.
MATCH (a)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->(b)
  WHERE type(r) = rel_type
SET
  r.event_ids = CASE WHEN e.id IN coalesce(r.event_ids, []) THEN r.event_ids ELSE coalesce(r.event_ids, []) + e.id END,
  r.quad_class = e.quad_class,
  r.event_type = e.type
WITH DISTINCT r, e, a, b
CALL (e, a, b) {
  WITH e, coalesce(a.iso3, a.id) AS ka, coalesce(b.iso3, b.id) AS kb, a, b
  WITH e, CASE WHEN ka < kb THEN a ELSE b END AS low, CASE WHEN ka < kb THEN ka + '|' + kb ELSE kb + '|' + ka END AS pair
  MERGE (low)-[p:BETWEEN {pair: pair}]->(e)
  SET p.date = coalesce(e.date, '')
}
WITH DISTINCT r
CALL (r) {
  UNWIND r.event_ids AS event_id
  MATCH (x:Event {id: event_id})
  WITH x
  ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
  RETURN
    min(x.date) AS first_date,
    max(x.date) AS last_date,
    sum(coalesce(x.confidence, 0.5) * CASE
      WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
      ELSE 1.0
    END) AS score,
    collect(x.id)[..3] AS top_event_ids
}
SET
  r.event_count = size(r.event_ids), r.first_date = first_date, r.last_date = last_date, r.score = score,
  r.top_event_ids = top_event_ids
