// "Who was cooperating with X between two dates?" when both bounds are years or months (or absent, but not both):
// the answer of read/api_partners_in_range (same columns, same events, same ranking) summed from the per-period
// summaries of the relationship layer's edges (write/upsert_relations), so its cost follows the actor's edges, not its
// events in the range.
// A period is the month of an event dated to a month or a day ("2023-05"), or the year of one dated only to a year
// ("2023"); with year or month bounds a period is wholly inside the range or wholly outside, by the same overlap rule
// as for an event's date (kept when it is >= $since or a prefix of it, and <= $until or prefixed by it), so the sums
// are exact. A day bound cuts a month: the routes then ask read/api_partners_in_range.
// Ranking reads two list entries per edge: the range's count and score are differences of the edge's cumulative sums
// (month_cum_counts / month_cum_scores from month_base, year_cum_counts / year_cum_scores from year_base) at the
// range's first and last month and year. Only the partners kept ($limit) then read their edges' sparse per-period
// lists (periods, period_first, period_last, period_top) for their dates and evidence.
// - $actor: ISO3 or organisation id. $cooperation: true for cooperation (verbal and material cooperation, plus
//   DEPLOYS_TROOPS_TO: troops sent in support), false for conflict (everything else).
// - $since / $until: YYYY or YYYY-MM, or null (one of them at least is given; undated events, period '', are out).
// - $month_low / $month_high: year * 12 + month - 1 of the range's first and last month (service.api.actors
//   .cumulative_bounds; a year bound: its January / December; open: far below / above any date). $year_low /
//   $year_high: the years of the range's bounds (a year-only date "2023" overlaps since "2023-05").
// - $types: PLOVER types to keep, or null for all. $limit: how many partners.
// The layer links two actors when they were on opposite sides of an event, or took part in a symmetric one, as
// read/api_partners_in_range counts them; an event is on one edge of a pair. evidence: the 3 strongest reporting
// sentences of the partner's 3 strongest events in the range (confidence, then newest), found among the period_top
// of the periods in the range.
// Before summing, an edge whose first_date..last_date cannot overlap the range is skipped (a year-only "2023" may
// overlap since "2023-05" while the edge's last_date is "2023-02": hence the year of $since, and $until + '~').
// Ranked by the score rounded to 6 decimals, then the number of events: the three partners queries sum the same
// scores in different orders, and float noise must not decide a tie.
// params: $actor, $cooperation, $since, $until, $month_low, $month_high, $year_low, $year_high, $types, $limit
// returns: id, name, kind, score, event_count, types, first_date, last_date, evidence
CALL () {
  MATCH (c:Country {id: $actor})
  RETURN c AS center
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS center
}
MATCH (center)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(partner:Country|Organization)
  WHERE partner <> center
    AND ($types IS NULL OR r.event_type IN $types)
    AND (r.quad_class IN ['verbal_cooperation', 'material_cooperation'] OR type(r) = 'DEPLOYS_TROOPS_TO') = $cooperation
    AND ($since IS NULL OR r.last_date >= left($since, 4))
    AND ($until IS NULL OR r.first_date < $until + '~')
WITH partner, r, r.month_base AS mb, r.month_cum_counts AS mc, r.month_cum_scores AS ms,
  r.year_base AS yb, r.year_cum_counts AS yc, r.year_cum_scores AS ys
// [a, b] and [c, d]: the positions of the range's months and years in the edge's cumulative lists.
WITH partner, r, mc, ms, yc, ys,
  CASE WHEN mb IS NULL OR $month_low < mb THEN 0 ELSE $month_low - mb END AS a,
  CASE WHEN mb IS NULL THEN -1 WHEN $month_high - mb < size(mc) - 1 THEN $month_high - mb ELSE size(mc) - 1 END AS b,
  CASE WHEN yb IS NULL OR $year_low < yb THEN 0 ELSE $year_low - yb END AS c,
  CASE WHEN yb IS NULL THEN -1 WHEN $year_high - yb < size(yc) - 1 THEN $year_high - yb ELSE size(yc) - 1 END AS d
WITH partner, r,
  CASE WHEN a > b THEN 0 ELSE mc[b] - CASE WHEN a = 0 THEN 0 ELSE mc[a - 1] END END
    + CASE WHEN c > d THEN 0 ELSE yc[d] - CASE WHEN c = 0 THEN 0 ELSE yc[c - 1] END END AS n,
  CASE WHEN a > b THEN 0.0 ELSE ms[b] - CASE WHEN a = 0 THEN 0.0 ELSE ms[a - 1] END END
    + CASE WHEN c > d THEN 0.0 ELSE ys[d] - CASE WHEN c = 0 THEN 0.0 ELSE ys[c - 1] END END AS score
  WHERE n > 0
WITH partner, collect({edge: r, n: n, score: score}) AS edges
WITH partner, edges,
  reduce(s = 0.0, x IN edges | s + x.score) AS score,
  reduce(n = 0, x IN edges | n + x.n) AS event_count
ORDER BY round(score, 6) DESC, event_count DESC, partner.id
LIMIT $limit
CALL (edges) {
  UNWIND edges AS x
  WITH x.edge.event_type AS type, sum(x.n) AS n
  ORDER BY n DESC, type
  RETURN collect({type: type, count: n}) AS types
}
// The partner's dates and strongest events in the range, from the sparse per-period lists of its edges.
CALL (edges) {
  UNWIND edges AS x
  WITH x.edge AS r
  WITH r, r.periods AS periods
  UNWIND range(0, size(periods) - 1) AS i
  WITH r, i, periods[i] AS period
    WHERE period <> ''
      AND ($since IS NULL OR period >= $since OR $since STARTS WITH period)
      AND ($until IS NULL OR period <= $until OR period STARTS WITH $until)
  RETURN collect({edge: r, i: i}) AS hits
}
CALL (hits) {
  UNWIND hits AS hit
  RETURN min(hit.edge.period_first[hit.i]) AS first_date, max(hit.edge.period_last[hit.i]) AS last_date
}
CALL (hits) {
  UNWIND hits AS hit
  UNWIND hit.edge.period_top[3 * hit.i..3 * hit.i + 3] AS event_id
  WITH event_id WHERE event_id <> ''
  MATCH (ev:Event {id: event_id})
  WITH DISTINCT ev
  ORDER BY coalesce(ev.confidence, 0.0) DESC, coalesce(ev.date, '') DESC, ev.id
  LIMIT 3
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  WITH ev, rep, art
  ORDER BY coalesce(rep.confidence, ev.confidence, 0.0) DESC, coalesce(ev.date, '') DESC, art.id, rep.start
  LIMIT 3
  RETURN collect({
    event_id: ev.id, type: ev.type, date: ev.date, sentence: rep.sentence, confidence: rep.confidence,
    article_id: art.id, url: art.url, title: art.title, published: art.published
  }) AS evidence
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
