// Brings relationship-layer edges written before edges carried their per-period summary up to date: for each edge
// without `periods` or the cumulative sums, its periods, period_counts, period_scores, period_first, period_last,
// period_top, month_base, month_cum_counts, month_cum_scores, year_base, year_cum_counts and year_cum_scores, and on
// the troop edges (DEPLOYS_TROOPS_TO, SHOWS_FORCE_TO) without them period_recent, period_recent_dates, period_modes,
// period_mode_events, period_mode_dates and period_mode_ends, as write/upsert_relations computes them. Run after the schema at every startup
// (service.graph.schema.apply_schema, after admin/layer_upgrade): on an up-to-date graph it only reads the layer's
// edges and changes nothing. Batched, so a large old graph is upgraded in many small transactions, and one
// interrupted halfway is finished at the next start (the API answers no request before apply_schema is done:
// service/api/graph_state.py).
// params: none
// returns: none
MATCH ()-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->()
  WHERE r.periods IS NULL OR r.month_cum_counts IS NULL
     OR (type(r) IN ['DEPLOYS_TROOPS_TO', 'SHOWS_FORCE_TO']
         AND (r.period_mode_ends IS NULL OR r.period_recent_dates IS NULL OR r.period_mode_dates IS NULL))
CALL (r) {
  CALL (r) {
    UNWIND coalesce(r.event_ids, []) AS event_id
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
} IN TRANSACTIONS OF 200 ROWS
