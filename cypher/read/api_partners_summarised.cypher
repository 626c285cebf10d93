// "Who was cooperating with X between two dates?" with year or month bounds and no type filter: the answer of
// read/api_partners_in_periods (same columns, same events, same ranking), read from the relationship layer's
// per-pair summaries (write/upsert_pair_summaries): one PAIR_SUMMARY per partner and stance instead of every typed
// edge of the actor, so a busy state reads hundreds of rows, not thousands of edges.
// Ranking: the range's count and score are differences of the summary's cumulative sums at the range's first and
// last month and year (as in read/api_partners_in_periods). Only the partners kept ($limit) then read their
// summary's per-period lists (dates; the 3 strongest events of each period in the range, with their confidences, of
// which the 3 strongest are the evidence) and its cumulative counts per type (the count per type).
// - $actor: ISO3 or organisation id. $cooperation: true for cooperation (verbal and material cooperation, plus
//   troops sent in support), false for conflict (everything else).
// - $since / $until: YYYY or YYYY-MM, or null (one of them at least is given; undated events, period '', are out).
// - $month_low / $month_high, $year_low / $year_high: as read/api_partners_in_periods (service.api.actors
//   .cumulative_bounds). $limit: how many partners.
// Ranked by the score rounded to 6 decimals, then the number of events: the partners queries sum the same scores in
// different orders, and float noise must not decide a tie.
// params: $actor, $cooperation, $since, $until, $month_low, $month_high, $year_low, $year_high, $limit
// returns: id, name, kind, score, event_count, types, first_date, last_date, evidence
CALL () {
  MATCH (c:Country {id: $actor})
  RETURN c AS center
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS center
}
MATCH (center)-[s:PAIR_SUMMARY]-(partner:Country|Organization)
  WHERE s.stance = CASE WHEN $cooperation THEN 'cooperation' ELSE 'conflict' END
    AND ($since IS NULL OR s.last_date >= left($since, 4))
    AND ($until IS NULL OR s.first_date < $until + '~')
WITH center, partner, s, s.month_base AS mb, s.month_cum_counts AS mc, s.month_cum_scores AS ms,
  s.year_base AS yb, s.year_cum_counts AS yc, s.year_cum_scores AS ys
WITH center, partner, s, mc, ms, yc, ys,
  CASE WHEN mb IS NULL OR $month_low < mb THEN 0 ELSE $month_low - mb END AS a,
  CASE WHEN mb IS NULL THEN -1 WHEN $month_high - mb < size(mc) - 1 THEN $month_high - mb ELSE size(mc) - 1 END AS b,
  CASE WHEN yb IS NULL OR $year_low < yb THEN 0 ELSE $year_low - yb END AS c,
  CASE WHEN yb IS NULL THEN -1 WHEN $year_high - yb < size(yc) - 1 THEN $year_high - yb ELSE size(yc) - 1 END AS d
WITH center, partner, s, a, b, c, d, size(mc) AS months, size(yc) AS years,
  CASE WHEN a > b THEN 0 ELSE mc[b] - CASE WHEN a = 0 THEN 0 ELSE mc[a - 1] END END
    + CASE WHEN c > d THEN 0 ELSE yc[d] - CASE WHEN c = 0 THEN 0 ELSE yc[c - 1] END END AS event_count,
  CASE WHEN a > b THEN 0.0 ELSE ms[b] - CASE WHEN a = 0 THEN 0.0 ELSE ms[a - 1] END END
    + CASE WHEN c > d THEN 0.0 ELSE ys[d] - CASE WHEN c = 0 THEN 0.0 ELSE ys[c - 1] END END AS score
  WHERE event_count > 0
ORDER BY round(score, 6) DESC, event_count DESC, partner.id
LIMIT $limit
// The partner's dates and strongest events in the range, from its summary's per-period lists.
CALL (s) {
  WITH s, s.periods AS periods
  UNWIND range(0, size(periods) - 1) AS i
  WITH s, i, periods[i] AS period
    WHERE period <> ''
      AND ($since IS NULL OR period >= $since OR $since STARTS WITH period)
      AND ($until IS NULL OR period <= $until OR period STARTS WITH $until)
  WITH s, min(s.period_first[i]) AS first_date, max(s.period_last[i]) AS last_date, collect(i) AS hits
  RETURN first_date, last_date, reduce(slots = [], j IN hits | slots + range(3 * j, 3 * j + 2)) AS slots
}
// The 3 strongest of the periods' strongest, chosen from the confidences kept beside their ids: only the winners are
// read. Ranked as the events are (confidence, then newest, then id) without reading the slots' dates, a long list of
// strings: the periods are sorted and a later period's dates are all later (a year-only date "2023" sorts before
// "2023-01"), and a period's 3 slots are in that order already (write/upsert_pair_summaries, checked by
// admin/layer_mismatches); so among equal confidences the later period wins, then the earlier slot of a period.
CALL (s, slots) {
  WITH s.period_top AS tops, s.period_top_confidence AS confidences, slots
  UNWIND slots AS k
  WITH k, tops[k] AS event_id, confidences[k] AS confidence
    WHERE event_id <> ''
  ORDER BY confidence DESC, k / 3 DESC, k
  LIMIT 3
  MATCH (ev:Event {id: event_id})
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  WITH ev, rep, art
  ORDER BY coalesce(rep.confidence, ev.confidence, 0.0) DESC, coalesce(ev.date, '') DESC, art.id, rep.start
  LIMIT 3
  RETURN collect({
    event_id: ev.id, type: ev.type, date: ev.date, sentence: rep.sentence, confidence: rep.confidence,
    article_id: art.id, url: art.url, title: art.title, published: art.published
  }) AS evidence
}
// The count per type: differences of the summary's cumulative counts per type at the same bounds (type i's count up
// to month k is type_month_cum[i * months + k]). It was read from the actor's typed edges to the kept partners (one
// cumulative list per edge, about 450 for a busy state): the same counts (tests/test_layer_consistency.py).
CALL (s, a, b, c, d, months, years) {
  WITH s.type_names AS names, s.type_month_cum AS tm, s.type_year_cum AS ty, a, b, c, d, months, years
  UNWIND range(0, size(names) - 1) AS t
  WITH names[t] AS type,
    CASE WHEN a > b THEN 0 ELSE tm[t * months + b] - CASE WHEN a = 0 THEN 0 ELSE tm[t * months + a - 1] END END
      + CASE WHEN c > d THEN 0 ELSE ty[t * years + d] - CASE WHEN c = 0 THEN 0 ELSE ty[t * years + c - 1] END END AS n
    WHERE n > 0
  ORDER BY n DESC, type
  RETURN collect({type: type, count: n}) AS types
}
RETURN
  partner.id AS id,
  partner.name AS name,
  CASE WHEN partner:Country THEN 'country' ELSE coalesce(partner.kind, 'org') END AS kind,
  score,
  event_count,
  types,
  first_date,
  last_date,
  evidence
ORDER BY round(score, 6) DESC, event_count DESC, id
