// The relationship layer: typed, dated edges between actors, derived from events (mapping: service/shared/relations.py).
// $rows = [{event_id, type, a, b}]: a and b are the keys (ISO3 or organisation id) of two actors that took part in
// the event, in the edge's direction; type is a Relation name. Only the edges of these rows are touched, so keeping
// the layer current costs the same whatever the size of the graph: the event joins the edge's event_ids once, and
// the edge's summary is recomputed from its own events (an event whose date was refined moves its edges' dates;
// undated events count but give no date): event_count, first_date, last_date, score (sum of confidence x weight,
// 2 for material events, 1 for verbal: what GET /countries/{id}/partners ranks by) and top_event_ids (the three
// strongest events: confidence, then newest; where the partners' evidence comes from).
// With it, the edge's per-period summary, aligned lists sorted by period: periods (the month "2023-05" of an event
// dated to a month or a day, the year "2023" of one dated only to a year, '' for undated events), period_counts,
// period_scores (as score), period_first / period_last (its events' earliest and latest dates, '' when undated) and
// period_top (the period's 3 strongest event ids, 3 slots per period, '' for an empty slot). A range whose bounds are
// years or months is answered exactly by summing the periods it covers (read/api_partners_in_periods,
// read/api_relations_timeline_periods), so its cost follows the actor's edges, not its events.
// Then, from those, the cumulative sums that make a range's count and score two list lookups per edge: month_base
// (year * 12 + month - 1 of the edge's first month with an event dated to a month or a day; null when none),
// month_cum_counts and month_cum_scores (count and score from month_base up to each month, every month after it up
// to the last one), and year_base, year_cum_counts, year_cum_scores for the events dated only to a year.
// The same rows then go to write/upsert_pair_index (the pair's (pair, date) index entries) and its periods to
// write/upsert_pair_summaries (the per-pair, per-stance summaries), in the same transaction.
// $moved = [{event_id, type, a, b}]: the edges an event already in the graph leaves because this article changed its
// relation (an event written without a mode, SHOWS_FORCE_TO, that a later report gives as troops: DEPLOYS_TROOPS_TO;
// ingest/load.py), type being the old Relation. The event leaves each such edge's event_ids first, and the edge's
// summary is recomputed with the others' (an edge left without events is deleted), so that an event is on the edges
// of one relation only; its rows in $rows add it to the new one. Usually empty.
// A relationship type cannot be a parameter and nothing is formatted into Cypher, so MERGE picks its type from a
// fixed set of FOREACH branches, one per Relation (tests/test_load.py checks they match the Enum); a type outside
// the set creates nothing. The edge is then found again among the relationship-layer types by type(r).
// CYPHER replan=skip: the plan is fixed by unique-index seeks whatever the statistics, and a young, growing graph
// would otherwise make Neo4j re-plan it every 10 s (see cypher/README.md, "Loading").
// params: $rows, $moved
// returns: none
CYPHER replan=skip
CALL () {
  UNWIND $moved AS row
  MATCH (e:Event {id: row.event_id})
  MATCH (a:Country|Organization)-[:PARTICIPATED_IN]->(e)
    WHERE a.id = row.a
  MATCH (b:Country|Organization)-[:PARTICIPATED_IN]->(e)
    WHERE b.id = row.b
  WITH DISTINCT row.type AS old_type, e, a, b
  MATCH (a)-[old:
    MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
    DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
    REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
  ]->(b)
    WHERE type(old) = old_type AND e.id IN old.event_ids
  SET old.event_ids = [id IN old.event_ids WHERE id <> e.id]
  WITH DISTINCT old
  WITH old, size(old.event_ids) = 0 AS emptied
  CALL (old, emptied) {
    WITH old
      WHERE emptied
    DELETE old
  }
  WITH old
    WHERE NOT emptied
  RETURN collect(old) AS retracted
}
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (a:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE a.id = row.a
MATCH (b:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE b.id = row.b
WITH DISTINCT retracted, row.type AS rel_type, e, a, b
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
WITH retracted, rel_type, e, a, b
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
WITH retracted, collect(DISTINCT r) AS upserted
UNWIND upserted + [x IN retracted WHERE NOT x IN upserted] AS r
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
  r.event_count = size(r.event_ids), r.first_date = first_date, r.last_date = last_date, r.score = score,
  r.top_event_ids = top_event_ids,
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
