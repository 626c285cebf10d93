// The relationship layer's per-pair summaries: (low)-[:PAIR_SUMMARY {pair: "RUS|UKR", stance}]->(high), one per pair
// of actors (low: the smaller key) and stance ('cooperation': verbal and material cooperation, plus troops sent in
// support, MOBILIZE with mode "troops"; 'conflict': everything else, as the partners endpoint splits them), over the
// events the layer links the two through (their BETWEEN entries, write/upsert_pair_index). So GET
// /countries/{id}/partners with a range reads one summary per partner (read/api_partners_summarised) instead of every
// typed edge of a busy state (about 6,000 at 1M events).
// The summary has the same per-period lists as a typed edge (write/upsert_relations): periods (sorted: '' for
// undated events, "2023" for year-only dates, "2023-05" for month or day dates), period_counts, period_scores (sum of
// confidence x weight, 2 for material events and troops, 1 for verbal), period_first / period_last (earliest and
// latest dates, '' when undated), period_top (the 3 strongest events: confidence, then newest, then id; 3 slots per
// period, '' for an empty one) with period_top_confidence and period_top_date beside it (their confidence, 0.0 when
// none, and date, '' when undated; so a long range's evidence is chosen without reading its candidates); event_count, score, first_date, last_date over them; and the cumulative sums
// month_base, month_cum_counts, month_cum_scores, year_base, year_cum_counts, year_cum_scores that make a range's
// count and score two list lookups. Per PLOVER type, for the count per type of a range: type_names (the types of the
// summary's dated events, sorted), type_month_cum (for each of them in that order, its cumulative counts over the
// months of month_cum_counts, one list after the other: type i's count up to month k is at i * size(month_cum_counts)
// + k) and type_year_cum (the same over the years of year_cum_counts); so the partners' count per type is read from
// one summary per partner instead of from every typed edge between the two (read/api_partners_summarised).
// $rows = [{pair, periods}]: the periods to recompute for each pair, from the pair's events in each (an index seek on
// BETWEEN (pair, date)); the summary's other periods are kept as they are. So an article's write costs what its
// periods hold, whatever the size of the pair. A stance left with no event loses its summary. A summary written
// before the per-type lists has all its periods recomputed (admin/pairs_without_summary gives the others theirs at
// startup).
// Written in the article's transaction after write/upsert_pair_index; checked by admin/layer_mismatches. The index
// seek is forced by a hint (`USING INDEX SEEK`): with replan=skip the plan made on a young graph stays, and one that
// scans the events, or the whole index (which a plain `USING INDEX` allows, and admin/pairs_without_summary got right
// after a large load), instead of seeking the pair would then cost the whole graph per period.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Country {id: split(row.pair, '|')[0]})
  RETURN c AS low
  UNION
  MATCH (o:Organization {id: split(row.pair, '|')[0]})
  RETURN o AS low
}
CALL (row) {
  MATCH (c:Country {id: split(row.pair, '|')[1]})
  RETURN c AS high
  UNION
  MATCH (o:Organization {id: split(row.pair, '|')[1]})
  RETURN o AS high
}
UNWIND ['cooperation', 'conflict'] AS stance
OPTIONAL MATCH (low)-[old:PAIR_SUMMARY {stance: stance}]->(high)
WITH row, stance, low, high, old, CASE WHEN old IS NOT NULL AND old.type_names IS NULL
  THEN old.periods + [p IN row.periods WHERE NOT p IN old.periods] ELSE row.periods END AS todo
CALL (row, stance, todo) {
  UNWIND todo AS period
  CALL (row, stance, period) {
    MATCH ()-[p:BETWEEN {pair: row.pair}]->(x:Event)
      USING INDEX SEEK p:BETWEEN(pair, date)
      WHERE p.date >= period AND p.date < period + '~' AND (size(period) = 7 OR p.date = period)
        AND (x.quad_class IN ['verbal_cooperation', 'material_cooperation']
             OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops')) = (stance = 'cooperation')
    WITH x
    ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
    RETURN
      count(x) AS n,
      sum(coalesce(x.confidence, 0.5) * CASE
        WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
        ELSE 1.0
      END) AS s,
      coalesce(min(x.date), '') AS first,
      coalesce(max(x.date), '') AS last,
      collect(x.id)[..3] AS top,
      collect(coalesce(x.confidence, 0.0))[..3] AS top_confidence,
      collect(coalesce(x.date, ''))[..3] AS top_date
  }
  // The period's count per type (none for undated events: no range holds them).
  CALL (row, stance, period) {
    MATCH ()-[p:BETWEEN {pair: row.pair}]->(x:Event)
      USING INDEX SEEK p:BETWEEN(pair, date)
      WHERE p.date >= period AND p.date < period + '~' AND (size(period) = 7 OR p.date = period) AND period <> ''
        AND (x.quad_class IN ['verbal_cooperation', 'material_cooperation']
             OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops')) = (stance = 'cooperation')
    WITH x.type AS type, count(x) AS n
    ORDER BY type
    RETURN collect(type) AS types, collect(n) AS type_counts
  }
  RETURN collect({period: period, n: n, s: s, first: first, last: last,
                  top: top + [_ IN range(1, 3 - size(top)) | ''],
                  top_confidence: top_confidence + [_ IN range(1, 3 - size(top)) | 0.0],
                  top_date: top_date + [_ IN range(1, 3 - size(top)) | ''],
                  types: types, type_counts: type_counts}) AS fresh
}
// The periods kept as they are, with their count per type taken back from the cumulative counts per type (the
// difference of two consecutive entries; zero counts included, they add nothing).
CALL (old, todo) {
  WITH old, todo, coalesce(old.periods, []) AS periods, coalesce(old.type_names, []) AS names,
    size(coalesce(old.month_cum_counts, [])) AS months, size(coalesce(old.year_cum_counts, [])) AS years
  UNWIND range(0, size(periods) - 1) AS i
  WITH old, names, months, years, i, periods[i] AS period
    WHERE NOT period IN todo
  WITH old, names, months, years, i, period, CASE size(period)
      WHEN 7 THEN toInteger(left(period, 4)) * 12 + toInteger(right(period, 2)) - 1 - old.month_base
      WHEN 4 THEN toInteger(period) - old.year_base
    END AS at
  ORDER BY i
  RETURN collect({period: period, n: old.period_counts[i], s: old.period_scores[i], first: old.period_first[i],
    last: old.period_last[i], top: old.period_top[3 * i..3 * i + 3],
    top_confidence: old.period_top_confidence[3 * i..3 * i + 3], top_date: old.period_top_date[3 * i..3 * i + 3],
    types: CASE WHEN at IS NULL THEN [] ELSE names END,
    type_counts: CASE
      WHEN at IS NULL THEN []
      WHEN size(period) = 7 THEN [t IN range(0, size(names) - 1) |
        old.type_month_cum[t * months + at] - CASE WHEN at = 0 THEN 0 ELSE old.type_month_cum[t * months + at - 1] END]
      ELSE [t IN range(0, size(names) - 1) |
        old.type_year_cum[t * years + at] - CASE WHEN at = 0 THEN 0 ELSE old.type_year_cum[t * years + at - 1] END]
    END}) AS kept
}
CALL (kept, fresh) {
  UNWIND kept + [f IN fresh WHERE f.n > 0] AS entry
  WITH entry
  ORDER BY entry.period
  RETURN collect(entry) AS entries
}
CALL (old, entries) {
  WITH old, entries
    WHERE old IS NOT NULL AND size(entries) = 0
  DELETE old
}
WITH row, stance, low, high, entries
  WHERE size(entries) > 0
MERGE (low)-[s:PAIR_SUMMARY {stance: stance}]->(high)
SET
  s.pair = row.pair,
  s.periods = [e IN entries | e.period],
  s.period_counts = [e IN entries | e.n],
  s.period_scores = [e IN entries | e.s],
  s.period_first = [e IN entries | e.first],
  s.period_last = [e IN entries | e.last],
  s.period_top = reduce(flat = [], e IN entries | flat + e.top),
  s.period_top_confidence = reduce(flat = [], e IN entries | flat + e.top_confidence),
  s.period_top_date = reduce(flat = [], e IN entries | flat + e.top_date),
  s.event_count = reduce(n = 0, e IN entries | n + e.n),
  s.score = reduce(total = 0.0, e IN entries | total + e.s),
  s.first_date = reduce(m = null, e IN entries |
    CASE WHEN e.first = '' THEN m WHEN m IS NULL OR e.first < m THEN e.first ELSE m END),
  s.last_date = reduce(m = null, e IN entries |
    CASE WHEN e.last = '' THEN m WHEN m IS NULL OR e.last > m THEN e.last ELSE m END)
WITH s, entries
CALL (s) {
  WITH s.periods AS periods, s.period_counts AS counts, s.period_scores AS scores
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
  s.month_base = month_base, s.month_cum_counts = month_cum_counts, s.month_cum_scores = month_cum_scores,
  s.year_base = year_base, s.year_cum_counts = year_cum_counts, s.year_cum_scores = year_cum_scores
// The cumulative counts per type, over the same months and years as month_cum_counts and year_cum_counts.
WITH s, entries, month_base, year_base
CALL (entries) {
  UNWIND entries AS e
  UNWIND range(0, size(e.types) - 1) AS t
  WITH e.types[t] AS name, e.type_counts[t] AS n
    WHERE n > 0
  WITH DISTINCT name
  ORDER BY name
  RETURN collect(name) AS names
}
// A period's count of a type: its entry in the period's types, else 0.
WITH s, names,
  [e IN entries WHERE size(e.period) = 7 | {
    at: toInteger(left(e.period, 4)) * 12 + toInteger(right(e.period, 2)) - 1 - month_base, types: e.types,
    counts: e.type_counts}] AS in_months,
  [e IN entries WHERE size(e.period) = 4 | {at: toInteger(e.period) - year_base, types: e.types, counts: e.type_counts}]
    AS in_years
SET
  s.type_names = names,
  s.type_month_cum = reduce(flat = [], name IN names | flat + reduce(acc = [], m IN in_months |
    acc + [_ IN range(1, m.at - size(acc)) | last(acc)]
        + [coalesce(last(acc), 0)
           + coalesce([t IN range(0, size(m.types) - 1) WHERE m.types[t] = name | m.counts[t]][0], 0)])),
  s.type_year_cum = reduce(flat = [], name IN names | flat + reduce(acc = [], y IN in_years |
    acc + [_ IN range(1, y.at - size(acc)) | last(acc)]
        + [coalesce(last(acc), 0)
           + coalesce([t IN range(0, size(y.types) - 1) WHERE y.types[t] = name | y.counts[t]][0], 0)]))
