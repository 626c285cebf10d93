// One step of the /graph walk when the range's bounds are years or months (or one is absent) and no least
// confidence is given: the answer of read/api_graph_edges_in_range (same rows, same order) summed from the
// relationship layer's per-period summaries (write/upsert_relations), so its cost follows the actors' edges, not
// their events in the range. The sums are exact for such bounds: each period (a month, or the year of a year-only
// date) is wholly inside the range or wholly outside it (see read/api_partners_in_periods, which sums the same way).
// An edge's event_count in the range is the difference of its cumulative sums (month_cum_counts from month_base,
// year_cum_counts from year_base) at the range's first and last month and year; only the edges kept ($limit) then
// read their sparse per-period lists (periods, period_first, period_last) for the range's first and last dates.
// - $ids: ISO3 or organisation ids; $within: null, or the keys the other end must have (the walk's last pass).
// - $since / $until: YYYY or YYYY-MM, or null (one of them at least is given; undated events are out).
// - $month_low / $month_high / $year_low / $year_high: service.api.actors.cumulative_bounds of the range.
// params: $ids, $within, $since, $until, $month_low, $month_high, $year_low, $year_high, $limit
// returns: source, source_name, source_kind, target, target_name, target_kind, type, quad_class, event_count, first_date, last_date
UNWIND $ids AS key
CALL (key) {
  MATCH (c:Country {id: key})
  RETURN c AS actor
  UNION
  MATCH (o:Organization {id: key})
  RETURN o AS actor
}
MATCH (actor)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(other:Country|Organization)
  WHERE other <> actor
    AND ($within IS NULL OR other.id IN $within)
    AND ($since IS NULL OR r.last_date >= left($since, 4))
    AND ($until IS NULL OR r.first_date < $until + '~')
WITH DISTINCT r
WITH r, r.month_base AS mb, r.month_cum_counts AS mc, r.year_base AS yb, r.year_cum_counts AS yc
// [a, b] and [c, d]: the positions of the range's months and years in the edge's cumulative lists.
WITH r, mc, yc,
  CASE WHEN mb IS NULL OR $month_low < mb THEN 0 ELSE $month_low - mb END AS a,
  CASE WHEN mb IS NULL THEN -1 WHEN $month_high - mb < size(mc) - 1 THEN $month_high - mb ELSE size(mc) - 1 END AS b,
  CASE WHEN yb IS NULL OR $year_low < yb THEN 0 ELSE $year_low - yb END AS c,
  CASE WHEN yb IS NULL THEN -1 WHEN $year_high - yb < size(yc) - 1 THEN $year_high - yb ELSE size(yc) - 1 END AS d
WITH r,
  CASE WHEN a > b THEN 0 ELSE mc[b] - CASE WHEN a = 0 THEN 0 ELSE mc[a - 1] END END
    + CASE WHEN c > d THEN 0 ELSE yc[d] - CASE WHEN c = 0 THEN 0 ELSE yc[c - 1] END END AS event_count
  WHERE event_count > 0
WITH r, event_count, startNode(r) AS s, endNode(r) AS t
ORDER BY event_count DESC, s.id, t.id, type(r)
LIMIT $limit
CALL (r) {
  WITH r, r.periods AS periods
  UNWIND range(0, size(periods) - 1) AS i
  WITH r, i, periods[i] AS period
    WHERE period <> ''
      AND ($since IS NULL OR period >= $since OR $since STARTS WITH period)
      AND ($until IS NULL OR period <= $until OR period STARTS WITH $until)
  RETURN min(r.period_first[i]) AS first_date, max(r.period_last[i]) AS last_date
}
RETURN
  s.id AS source,
  s.name AS source_name,
  CASE WHEN s:Country THEN 'country' ELSE coalesce(s.kind, 'org') END AS source_kind,
  t.id AS target,
  t.name AS target_name,
  CASE WHEN t:Country THEN 'country' ELSE coalesce(t.kind, 'org') END AS target_kind,
  type(r) AS type,
  r.quad_class AS quad_class,
  event_count,
  first_date,
  last_date
ORDER BY event_count DESC, source, target, type
