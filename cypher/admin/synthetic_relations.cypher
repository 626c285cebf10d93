// Synthetic graph (scripts/gen_synthetic.py): the relationship-layer edges, aggregated per actor pair and type.
// $rows = [{type, a, b, event_ids, first_date, last_date, quad_class, event_type, score, top}]: a and b are actor
// keys (ISO3 or organisation id) in the edge's direction, type a Relation name (service/shared/relations.py), event_ids the
// new events behind the edge, score their summed confidence x weight, top the ids of the 3 strongest of them.
// As write/upsert_relations, MERGE picks the type from one fixed FOREACH branch per Relation, then the edge is found
// again among the layer's types; the new ids are appended (a batch of events is loaded once), event_count is the
// list's size, the dates widen to the batch's (null: no dated event), the scores add up and top_event_ids keeps the
// 3 strongest of the old and new ones (confidence, then newest, as write/upsert_relations orders them). The
// per-period summary (periods, period_counts, ..., and the cumulative month_ and year_ sums) is recomputed from the edge's events as write/upsert_relations
// does: aligned lists are not merged in Cypher, and one pass over an edge's events per load is cheap next to loading
// them.
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Country {id: row.a})
  RETURN c AS a
  UNION
  MATCH (o:Organization {id: row.a})
  RETURN o AS a
}
CALL (row) {
  MATCH (c:Country {id: row.b})
  RETURN c AS b
  UNION
  MATCH (o:Organization {id: row.b})
  RETURN o AS b
}
WITH row, row.type AS rel_type, a, b
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
WITH row, rel_type, a, b
MATCH (a)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->(b)
  WHERE type(r) = rel_type
SET r.event_ids = coalesce(r.event_ids, []) + row.event_ids
SET
  r.event_count = size(r.event_ids),
  r.first_date = CASE
    WHEN r.first_date IS NULL OR row.first_date < r.first_date THEN coalesce(row.first_date, r.first_date)
    ELSE r.first_date
  END,
  r.last_date = CASE
    WHEN r.last_date IS NULL OR row.last_date > r.last_date THEN coalesce(row.last_date, r.last_date)
    ELSE r.last_date
  END,
  r.quad_class = row.quad_class,
  r.event_type = row.event_type,
  r.score = coalesce(r.score, 0.0) + row.score
WITH r, coalesce(r.top_event_ids, []) + row.top AS candidates
CALL (candidates) {
  UNWIND candidates AS event_id
  MATCH (x:Event {id: event_id})
  WITH x
  ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
  RETURN collect(x.id)[..3] AS top
}
SET r.top_event_ids = top
WITH DISTINCT r
CALL (r) {
  UNWIND r.event_ids AS event_id
  MATCH (x:Event {id: event_id})
  WITH x, CASE WHEN x.date IS NULL THEN '' WHEN size(x.date) = 4 THEN x.date ELSE left(x.date, 7) END AS period
  ORDER BY period, coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
  WITH period,
    count(*) AS n,
    sum(coalesce(x.confidence, 0.5) * CASE
      WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
      ELSE 1.0
    END) AS s,
    coalesce(min(x.date), '') AS first,
    coalesce(max(x.date), '') AS last,
    collect(x.id)[..3] AS top
  ORDER BY period
  RETURN
    collect(period) AS periods, collect(n) AS period_counts, collect(s) AS period_scores,
    collect(first) AS period_first, collect(last) AS period_last,
    reduce(flat = [], ids IN collect(top) | flat + ids + [_ IN range(1, 3 - size(ids)) | '']) AS period_top
}
SET
  r.periods = periods, r.period_counts = period_counts, r.period_scores = period_scores,
  r.period_first = period_first, r.period_last = period_last, r.period_top = period_top
WITH r
CALL (r) {
  WITH r.periods AS periods, r.period_counts AS counts, r.period_scores AS scores
  WITH periods, counts, scores,
    [i IN range(0, size(periods) - 1) WHERE size(periods[i]) = 7] AS months,
    [i IN range(0, size(periods) - 1) WHERE size(periods[i]) = 4] AS years
  WITH periods, counts, scores, months, years,
    [i IN months | toInteger(left(periods[i], 4)) * 12 + toInteger(right(periods[i], 2)) - 1] AS month_at,
    [i IN years | toInteger(periods[i])] AS year_at
  RETURN
    month_at[0] AS month_base,
    reduce(acc = [], k IN range(0, size(months) - 1) |
      acc + [_ IN range(1, month_at[k] - month_at[0] - size(acc)) | last(acc)]
          + [coalesce(last(acc), 0) + counts[months[k]]]) AS month_cum_counts,
    reduce(acc = [], k IN range(0, size(months) - 1) |
      acc + [_ IN range(1, month_at[k] - month_at[0] - size(acc)) | last(acc)]
          + [coalesce(last(acc), 0.0) + scores[months[k]]]) AS month_cum_scores,
    year_at[0] AS year_base,
    reduce(acc = [], k IN range(0, size(years) - 1) |
      acc + [_ IN range(1, year_at[k] - year_at[0] - size(acc)) | last(acc)]
          + [coalesce(last(acc), 0) + counts[years[k]]]) AS year_cum_counts,
    reduce(acc = [], k IN range(0, size(years) - 1) |
      acc + [_ IN range(1, year_at[k] - year_at[0] - size(acc)) | last(acc)]
          + [coalesce(last(acc), 0.0) + scores[years[k]]]) AS year_cum_scores
}
SET
  r.month_base = month_base, r.month_cum_counts = month_cum_counts, r.month_cum_scores = month_cum_scores,
  r.year_base = year_base, r.year_cum_counts = year_cum_counts, r.year_cum_scores = year_cum_scores
WITH r
// The troop edges (DEPLOYS_TROOPS_TO, SHOWS_FORCE_TO: MOBILIZE events) also keep, per period (aligned with periods),
// what GET /ask "who sent troops to X" answers (read/api_ask_troops_in_periods): period_recent, each period's 20
// newest event ids (date, newest first, then id), one period after the other (a period's slice starts at the sum of
// min(period_counts, 20) before it), with period_recent_dates, their dates ('' undated); period_modes, each period's
// modes in order of first appearance in that order, with period_mode_events and period_mode_dates, the event each
// first appears in and its date, and period_mode_ends, where each period's modes end in period_modes. The dates let
// the query order a range's candidates without reading their events. Null on the other edges.
CALL (r) {
  UNWIND CASE WHEN type(r) IN ['DEPLOYS_TROOPS_TO', 'SHOWS_FORCE_TO'] THEN r.event_ids ELSE [] END AS event_id
  MATCH (x:Event {id: event_id})
  WITH DISTINCT x
  WITH x, CASE WHEN x.date IS NULL THEN '' WHEN size(x.date) = 4 THEN x.date ELSE left(x.date, 7) END AS period
  ORDER BY period, coalesce(x.date, '') DESC, x.id
  WITH period, collect(x.id)[..20] AS recent, collect(coalesce(x.date, ''))[..20] AS recent_dates,
    reduce(seen = {modes: [], ids: [], dates: []},
        m IN collect({mode: x.mode, id: x.id, date: coalesce(x.date, '')}) |
      CASE WHEN m.mode IS NULL OR m.mode IN seen.modes THEN seen
      ELSE {modes: seen.modes + m.mode, ids: seen.ids + m.id, dates: seen.dates + m.date} END) AS first
  ORDER BY period
  WITH collect(recent) AS recents, collect(recent_dates) AS recents_dates, collect(first) AS firsts
  RETURN
    reduce(flat = [], ids IN recents | flat + ids) AS period_recent,
    reduce(flat = [], dates IN recents_dates | flat + dates) AS period_recent_dates,
    reduce(flat = [], f IN firsts | flat + f.modes) AS period_modes,
    reduce(flat = [], f IN firsts | flat + f.ids) AS period_mode_events,
    reduce(flat = [], f IN firsts | flat + f.dates) AS period_mode_dates,
    reduce(ends = [], f IN firsts | ends + (coalesce(last(ends), 0) + size(f.modes))) AS period_mode_ends
}
WITH r, period_recent, period_recent_dates, period_modes, period_mode_events, period_mode_dates, period_mode_ends,
  type(r) IN ['DEPLOYS_TROOPS_TO', 'SHOWS_FORCE_TO'] AS troops
SET
  r.period_recent = CASE WHEN troops THEN period_recent END,
  r.period_recent_dates = CASE WHEN troops THEN period_recent_dates END,
  r.period_modes = CASE WHEN troops THEN period_modes END,
  r.period_mode_events = CASE WHEN troops THEN period_mode_events END,
  r.period_mode_dates = CASE WHEN troops THEN period_mode_dates END,
  r.period_mode_ends = CASE WHEN troops THEN period_mode_ends END
