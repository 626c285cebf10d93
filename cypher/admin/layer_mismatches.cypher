// Relationship-layer edges whose stored summary (write/upsert_relations) differs from a recompute from their own
// events: event_count, first/last date, score, top_event_ids, and the per-period summary (periods, period_counts,
// period_scores, period_first, period_last, period_top, and the cumulative month_ and year_ sums; on the troop
// edges, DEPLOYS_TROOPS_TO and SHOWS_FORCE_TO, period_recent, period_recent_dates, period_modes, period_mode_events,
// period_mode_dates, period_mode_ends);
// and the edges holding an event of another relation: another type, or, the one relation a mode decides, troops
// sent (MOBILIZE with mode "troops") on any edge but DEPLOYS_TROOPS_TO, or any other event on it.
// Then the per-pair summaries (write/upsert_pair_summaries) that differ from a recompute from the events of the
// pair's typed edges in their stance, their cumulative counts per type included (type "PAIR_SUMMARY cooperation" or
// "... conflict"; stored null when the summary is missing), and the summaries that no typed edge of their stance
// backs. Full scan, for tests and fault trials: none is right.
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
    collect(DISTINCT x.type) AS event_types,
    collect(DISTINCT x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') AS troops_sent
}
CALL (r) {
  UNWIND r.event_ids AS event_id
  MATCH (x:Event {id: event_id})
  WITH DISTINCT x
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
  RETURN {
    periods: collect(period), counts: collect(n), scores: collect(s), first: collect(first), last: collect(last),
    top: reduce(flat = [], ids IN collect(top) | flat + ids + [_ IN range(1, 3 - size(ids)) | ''])
  } AS periods
}
WITH *, periods AS fresh
CALL (fresh) {
  WITH fresh.periods AS periods, fresh.counts AS counts, fresh.scores AS scores
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
  RETURN CASE WHEN type(r) IN ['DEPLOYS_TROOPS_TO', 'SHOWS_FORCE_TO'] THEN {
    recent: reduce(flat = [], ids IN recents | flat + ids),
    recent_dates: reduce(flat = [], dates IN recents_dates | flat + dates),
    modes: reduce(flat = [], f IN firsts | flat + f.modes),
    mode_events: reduce(flat = [], f IN firsts | flat + f.ids),
    mode_dates: reduce(flat = [], f IN firsts | flat + f.dates),
    mode_ends: reduce(ends = [], f IN firsts | ends + (coalesce(last(ends), 0) + size(f.modes)))
  } END AS troops
}
WITH *, {
  recent: r.period_recent, recent_dates: r.period_recent_dates, modes: r.period_modes,
  mode_events: r.period_mode_events, mode_dates: r.period_mode_dates, mode_ends: r.period_mode_ends
} AS stored_troops
WITH *, {
  periods: r.periods, counts: r.period_counts, scores: r.period_scores, first: r.period_first, last: r.period_last,
  top: r.period_top, month_base: r.month_base, month_cum_counts: r.month_cum_counts,
  month_cum_scores: r.month_cum_scores, year_base: r.year_base, year_cum_counts: r.year_cum_counts,
  year_cum_scores: r.year_cum_scores
} AS stored_periods
WITH a, r, b, periods, stored_periods, troops, stored_troops, {
  event_count: r.event_count, ids: size(r.event_ids), first_date: r.first_date, last_date: r.last_date,
  score: r.score, top_event_ids: r.top_event_ids, event_types: [r.event_type], periods: stored_periods,
  troops: stored_troops, troops_sent: [type(r) = 'DEPLOYS_TROOPS_TO']
} AS stored, {
  event_count: event_count, ids: event_count, first_date: first_date, last_date: last_date, score: score,
  top_event_ids: top_event_ids, event_types: event_types, periods: periods, troops: troops,
  troops_sent: troops_sent
} AS recomputed
  WHERE stored.event_count <> recomputed.event_count
     OR stored.ids <> recomputed.ids
     OR coalesce(stored.first_date, '') <> coalesce(recomputed.first_date, '')
     OR coalesce(stored.last_date, '') <> coalesce(recomputed.last_date, '')
     OR abs(coalesce(stored.score, -1.0) - recomputed.score) > 0.000001
     OR coalesce(stored.top_event_ids, []) <> recomputed.top_event_ids
     OR stored.event_types <> recomputed.event_types
     OR stored.troops_sent <> recomputed.troops_sent
     OR coalesce(stored_periods.periods, []) <> periods.periods
     OR coalesce(stored_periods.counts, []) <> periods.counts
     OR coalesce(stored_periods.first, []) <> periods.first
     OR coalesce(stored_periods.last, []) <> periods.last
     OR coalesce(stored_periods.top, []) <> periods.top
     OR size(coalesce(stored_periods.scores, [])) <> size(periods.scores)
     OR any(i IN range(0, size(periods.scores) - 1) WHERE abs(stored_periods.scores[i] - periods.scores[i]) > 0.000001)
     OR coalesce(stored_periods.month_base, -1) <> coalesce(month_base, -1)
     OR coalesce(stored_periods.year_base, -1) <> coalesce(year_base, -1)
     OR coalesce(stored_periods.month_cum_counts, [-1]) <> month_cum_counts
     OR coalesce(stored_periods.year_cum_counts, [-1]) <> year_cum_counts
     OR size(coalesce(stored_periods.month_cum_scores, [-1.0])) <> size(month_cum_scores)
     OR any(i IN range(0, size(month_cum_scores) - 1)
            WHERE abs(stored_periods.month_cum_scores[i] - month_cum_scores[i]) > 0.000001)
     OR size(coalesce(stored_periods.year_cum_scores, [-1.0])) <> size(year_cum_scores)
     OR any(i IN range(0, size(year_cum_scores) - 1)
            WHERE abs(stored_periods.year_cum_scores[i] - year_cum_scores[i]) > 0.000001)
     OR (troops IS NULL AND any(v IN [
           stored_troops.recent, stored_troops.recent_dates, stored_troops.modes, stored_troops.mode_events,
           stored_troops.mode_dates, stored_troops.mode_ends
         ] WHERE v IS NOT NULL))
     OR (troops IS NOT NULL AND (
           coalesce(stored_troops.recent, ['-']) <> troops.recent
           OR coalesce(stored_troops.recent_dates, ['-']) <> troops.recent_dates
           OR coalesce(stored_troops.modes, ['-']) <> troops.modes
           OR coalesce(stored_troops.mode_events, ['-']) <> troops.mode_events
           OR coalesce(stored_troops.mode_dates, ['-']) <> troops.mode_dates
           OR coalesce(stored_troops.mode_ends, [-1]) <> troops.mode_ends))
RETURN type(r) AS type, a.id AS a, b.id AS b, stored, recomputed
UNION ALL
MATCH (a:Country|Organization)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(b:Country|Organization)
  WHERE a.id < b.id
WITH a, b, collect(r) AS edges,
  CASE WHEN r.quad_class IN ['verbal_cooperation', 'material_cooperation'] OR type(r) = 'DEPLOYS_TROOPS_TO'
    THEN 'cooperation' ELSE 'conflict' END AS stance
CALL (edges) {
  UNWIND edges AS r
  UNWIND r.event_ids AS event_id
  WITH DISTINCT event_id
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
    collect(x.id)[..3] AS top,
    collect(coalesce(x.confidence, 0.0))[..3] AS top_confidence,
    collect(coalesce(x.date, ''))[..3] AS top_date
  ORDER BY period
  RETURN {
    periods: collect(period), counts: collect(n), scores: collect(s), first: collect(first), last: collect(last),
    top: reduce(flat = [], ids IN collect(top) | flat + ids + [_ IN range(1, 3 - size(ids)) | '']),
    top_confidence: reduce(flat = [], c IN collect(top_confidence) | flat + c + [_ IN range(1, 3 - size(c)) | 0.0]),
    top_date: reduce(flat = [], d IN collect(top_date) | flat + d + [_ IN range(1, 3 - size(d)) | ''])
  } AS recomputed
}
// The dated events' counts per type and month (or year, for a date that is a year), sorted by type.
CALL (edges) {
  UNWIND edges AS r
  UNWIND r.event_ids AS event_id
  WITH DISTINCT event_id
  MATCH (x:Event {id: event_id})
    WHERE x.date IS NOT NULL
  WITH x.type AS type,
    CASE WHEN size(x.date) > 4 THEN toInteger(left(x.date, 4)) * 12 + toInteger(substring(x.date, 5, 2)) - 1 END
      AS month,
    CASE WHEN size(x.date) = 4 THEN toInteger(x.date) END AS year,
    count(*) AS n
  ORDER BY type
  RETURN collect({type: type, month: month, year: year, n: n}) AS typed
}
OPTIONAL MATCH (a)-[summary:PAIR_SUMMARY {stance: stance}]->(b)
WITH a, b, stance, recomputed, typed, summary, [i IN range(0, size(recomputed.periods) - 1) |
  CASE WHEN size(recomputed.periods[i]) = 7
    THEN toInteger(left(recomputed.periods[i], 4)) * 12 + toInteger(right(recomputed.periods[i], 2)) - 1
    WHEN size(recomputed.periods[i]) = 4 THEN toInteger(recomputed.periods[i]) ELSE null END] AS at
// The cumulative sums, checked entry by entry: each is the sum of the counts (scores) of the periods up to it.
WITH a, b, stance, recomputed, typed, summary, at,
  [i IN range(0, size(at) - 1) WHERE size(recomputed.periods[i]) = 7] AS months,
  [i IN range(0, size(at) - 1) WHERE size(recomputed.periods[i]) = 4] AS years
WITH a, b, stance, recomputed, typed, summary, at, months, years,
  CASE WHEN size(months) = 0 THEN null ELSE at[months[0]] END AS month_base,
  CASE WHEN size(years) = 0 THEN null ELSE at[years[0]] END AS year_base
WITH a, b, stance, recomputed, typed, summary, month_base, year_base,
  [k IN range(0, CASE WHEN size(months) = 0 THEN -1 ELSE at[last(months)] - month_base END) |
    reduce(t = 0, i IN months | t + CASE WHEN at[i] <= month_base + k THEN recomputed.counts[i] ELSE 0 END)]
    AS month_counts,
  [k IN range(0, CASE WHEN size(months) = 0 THEN -1 ELSE at[last(months)] - month_base END) |
    reduce(t = 0.0, i IN months | t + CASE WHEN at[i] <= month_base + k THEN recomputed.scores[i] ELSE 0.0 END)]
    AS month_scores,
  [k IN range(0, CASE WHEN size(years) = 0 THEN -1 ELSE at[last(years)] - year_base END) |
    reduce(t = 0, i IN years | t + CASE WHEN at[i] <= year_base + k THEN recomputed.counts[i] ELSE 0 END)]
    AS year_counts,
  [k IN range(0, CASE WHEN size(years) = 0 THEN -1 ELSE at[last(years)] - year_base END) |
    reduce(t = 0.0, i IN years | t + CASE WHEN at[i] <= year_base + k THEN recomputed.scores[i] ELSE 0.0 END)]
    AS year_scores,
  reduce(names = [], e IN typed | CASE WHEN e.type IN names THEN names ELSE names + e.type END) AS type_names
// The cumulative counts per type over the same months and years, one type after the other.
WITH a, b, stance, summary, recomputed {
  .*, month_base: month_base, month_cum_counts: month_counts, month_cum_scores: month_scores,
  year_base: year_base, year_cum_counts: year_counts, year_cum_scores: year_scores,
  event_count: reduce(n = 0, c IN recomputed.counts | n + c),
  score: reduce(t = 0.0, c IN recomputed.scores | t + c),
  type_names: type_names,
  type_month_cum: reduce(flat = [], name IN type_names | flat + [k IN range(0, size(month_counts) - 1) |
    reduce(t = 0, e IN typed | t + CASE WHEN e.type = name AND e.month <= month_base + k THEN e.n ELSE 0 END)]),
  type_year_cum: reduce(flat = [], name IN type_names | flat + [k IN range(0, size(year_counts) - 1) |
    reduce(t = 0, e IN typed | t + CASE WHEN e.type = name AND e.year <= year_base + k THEN e.n ELSE 0 END)])
} AS recomputed
WITH a, b, stance, recomputed, CASE WHEN summary IS NULL THEN null ELSE {
  periods: summary.periods, counts: summary.period_counts, scores: summary.period_scores,
  first: summary.period_first, last: summary.period_last, top: summary.period_top,
  top_confidence: summary.period_top_confidence, top_date: summary.period_top_date,
  month_base: summary.month_base, month_cum_counts: summary.month_cum_counts,
  month_cum_scores: summary.month_cum_scores, year_base: summary.year_base,
  year_cum_counts: summary.year_cum_counts, year_cum_scores: summary.year_cum_scores,
  event_count: summary.event_count, score: summary.score, pair: summary.pair,
  first_date: summary.first_date, last_date: summary.last_date, type_names: summary.type_names,
  type_month_cum: summary.type_month_cum, type_year_cum: summary.type_year_cum
} END AS stored
  WHERE stored IS NULL
     OR stored.pair <> a.id + '|' + b.id
     OR stored.periods <> recomputed.periods
     OR stored.counts <> recomputed.counts
     OR stored.first <> recomputed.first
     OR stored.last <> recomputed.last
     OR stored.top <> recomputed.top
     OR stored.top_confidence IS NULL OR stored.top_confidence <> recomputed.top_confidence
     OR stored.top_date <> recomputed.top_date
     OR stored.event_count <> recomputed.event_count
     OR abs(stored.score - recomputed.score) > 0.000001
     OR coalesce(stored.first_date, '') <> coalesce(reduce(m = null, f IN recomputed.first |
          CASE WHEN f = '' THEN m WHEN m IS NULL OR f < m THEN f ELSE m END), '')
     OR coalesce(stored.last_date, '') <> coalesce(reduce(m = null, l IN recomputed.last |
          CASE WHEN l = '' THEN m WHEN m IS NULL OR l > m THEN l ELSE m END), '')
     OR size(stored.scores) <> size(recomputed.scores)
     OR any(i IN range(0, size(recomputed.scores) - 1) WHERE abs(stored.scores[i] - recomputed.scores[i]) > 0.000001)
     OR coalesce(stored.month_base, -1) <> coalesce(recomputed.month_base, -1)
     OR coalesce(stored.year_base, -1) <> coalesce(recomputed.year_base, -1)
     OR stored.month_cum_counts <> recomputed.month_cum_counts
     OR stored.year_cum_counts <> recomputed.year_cum_counts
     OR size(stored.month_cum_scores) <> size(recomputed.month_cum_scores)
     OR any(i IN range(0, size(recomputed.month_cum_scores) - 1)
            WHERE abs(stored.month_cum_scores[i] - recomputed.month_cum_scores[i]) > 0.000001)
     OR size(stored.year_cum_scores) <> size(recomputed.year_cum_scores)
     OR any(i IN range(0, size(recomputed.year_cum_scores) - 1)
            WHERE abs(stored.year_cum_scores[i] - recomputed.year_cum_scores[i]) > 0.000001)
     OR stored.type_names IS NULL OR stored.type_names <> recomputed.type_names
     OR stored.type_month_cum IS NULL OR stored.type_month_cum <> recomputed.type_month_cum
     OR stored.type_year_cum IS NULL OR stored.type_year_cum <> recomputed.type_year_cum
RETURN 'PAIR_SUMMARY ' + stance AS type, a.id AS a, b.id AS b, stored, recomputed
UNION ALL
MATCH (a)-[summary:PAIR_SUMMARY]->(b)
  WHERE NOT a.id < b.id
     OR NOT EXISTS {
       MATCH (a)-[r:
         MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
         DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
         REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
       ]-(b)
         WHERE (CASE WHEN r.quad_class IN ['verbal_cooperation', 'material_cooperation']
                  OR type(r) = 'DEPLOYS_TROOPS_TO' THEN 'cooperation' ELSE 'conflict' END) = summary.stance
     }
RETURN 'PAIR_SUMMARY ' + summary.stance AS type, a.id AS a, b.id AS b, {pair: summary.pair} AS stored,
  null AS recomputed
