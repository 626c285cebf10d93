// Relationship-layer edges whose stored summary (write/upsert_relations) differs from a recompute from their own
// events: event_count, first/last date, score, top_event_ids. Full scan, for tests and fault trials: none is right.
// params: none
// returns: type, a, b, stored, recomputed
MATCH (a)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->(b)
CALL (r) {
  UNWIND r.event_ids AS event_id
  MATCH (x:Event {id: event_id})
  WITH x
  ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
  RETURN
    count(DISTINCT x) AS event_count,
    min(x.date) AS first_date,
    max(x.date) AS last_date,
    sum(coalesce(x.confidence, 0.5) * CASE
      WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
      ELSE 1.0
    END) AS score,
    collect(x.id)[..3] AS top_event_ids,
    collect(DISTINCT x.type) AS event_types
}
WITH a, r, b, {
  event_count: r.event_count, ids: size(r.event_ids), first_date: r.first_date, last_date: r.last_date,
  score: r.score, top_event_ids: r.top_event_ids, event_types: [r.event_type]
} AS stored, {
  event_count: event_count, ids: event_count, first_date: first_date, last_date: last_date, score: score,
  top_event_ids: top_event_ids, event_types: event_types
} AS recomputed
  WHERE stored.event_count <> recomputed.event_count
     OR stored.ids <> recomputed.ids
     OR coalesce(stored.first_date, '') <> coalesce(recomputed.first_date, '')
     OR coalesce(stored.last_date, '') <> coalesce(recomputed.last_date, '')
     OR abs(coalesce(stored.score, -1.0) - recomputed.score) > 0.000001
     OR coalesce(stored.top_event_ids, []) <> recomputed.top_event_ids
     OR stored.event_types <> recomputed.event_types
RETURN type(r) AS type, coalesce(a.iso3, a.id) AS a, coalesce(b.iso3, b.id) AS b, stored, recomputed
