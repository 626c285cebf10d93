// GET /ask "who sent troops to X" when both bounds are years or months (one at least given): read/api_ask_troops's
// answer (same rows, same order: senders, events, last_date, modes, event_ids, evidence) from the per-period
// summaries of the troop edges into $target (DEPLOYS_TROOPS_TO and SHOWS_FORCE_TO, the layer's edges of MOBILIZE
// events from a source to a target: service/shared/relations.py), so its cost follows the target's senders and
// their edges' periods, not its events in the range.
// With year or month bounds a period (the month of an event dated to a month or a day, the year of one dated only to a
// year) is wholly inside the range or wholly outside, by the same overlap rule as an event's date (write/upsert_relations,
// docs/time-filters.md). So:
// - events: per edge, a difference of two entries of its cumulative counts (month_cum_counts, year_cum_counts);
//   only the senders with at least as many events as the $limit-th go on (ties are settled by last_date, then id);
// - last_date: period_last of the edge's last period in the range (a later period's dates are all later);
// - event_ids: each period's 20 newest events (date, newest first, then id) are kept in period_recent, with their
//   dates in period_recent_dates, so the 20 newest of the range are among the newest periods' slices; those (20 or
//   a few more per edge) are ordered by their stored dates, without reading the events;
// - modes: read/api_ask_troops lists them by first appearance, newest first, i.e. by each mode's newest event in the
//   range; period_modes / period_mode_events / period_mode_dates keep each period's modes with the newest event of
//   each and its date, so the range's candidates are those of its periods, ordered the same way;
// - evidence: as read/api_ask_troops, the latest reporting sentence of the newest event (the one event read, after
//   the senders are ranked).
// params: $target, $since, $until, $month_low, $month_high, $year_low, $year_high, $limit
// returns: id, name, kind, events, last_date, modes, event_ids, evidence
CALL () {
  MATCH (c:Country {id: $target})
  RETURN c AS target
  UNION
  MATCH (o:Organization {id: $target})
  RETURN o AS target
}
MATCH (y:Country|Organization)-[r:DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO]->(target)
  WHERE ($since IS NULL OR r.last_date >= left($since, 4))
    AND ($until IS NULL OR r.first_date < $until + '~')
WITH y, r, r.month_base AS mb, r.month_cum_counts AS mc, r.year_base AS yb, r.year_cum_counts AS yc
// [a, b] and [c, d]: the positions of the range's months and years in the edge's cumulative lists.
WITH y, r, mc, yc,
  CASE WHEN mb IS NULL OR $month_low < mb THEN 0 ELSE $month_low - mb END AS a,
  CASE WHEN mb IS NULL THEN -1 WHEN $month_high - mb < size(mc) - 1 THEN $month_high - mb ELSE size(mc) - 1 END AS b,
  CASE WHEN yb IS NULL OR $year_low < yb THEN 0 ELSE $year_low - yb END AS c,
  CASE WHEN yb IS NULL THEN -1 WHEN $year_high - yb < size(yc) - 1 THEN $year_high - yb ELSE size(yc) - 1 END AS d
WITH y, r,
  CASE WHEN a > b THEN 0 ELSE mc[b] - CASE WHEN a = 0 THEN 0 ELSE mc[a - 1] END END
    + CASE WHEN c > d THEN 0 ELSE yc[d] - CASE WHEN c = 0 THEN 0 ELSE yc[c - 1] END END AS n
  WHERE n > 0
WITH y, collect(r) AS edges, sum(n) AS events
ORDER BY events DESC
WITH collect({sender: y, edges: edges, events: events}) AS senders
WITH senders, senders[$limit - 1].events AS least
UNWIND senders AS s
WITH s.sender AS y, s.edges AS edges, s.events AS events
  WHERE least IS NULL OR events >= least
CALL (edges) {
  UNWIND edges AS r
  WITH r, r.periods AS periods
  // The edge's periods in the range, newest first.
  WITH r, reverse([i IN range(0, size(periods) - 1) WHERE periods[i] <> ''
    AND ($since IS NULL OR periods[i] >= $since OR $since STARTS WITH periods[i])
    AND ($until IS NULL OR periods[i] <= $until OR periods[i] STARTS WITH $until)]) AS kept
  WITH r, kept, r.period_recent AS recent, r.period_recent_dates AS recent_dates, r.period_modes AS modes,
    r.period_mode_events AS mode_events, r.period_mode_dates AS mode_dates, r.period_mode_ends AS mode_ends,
    reduce(starts = [0], n IN r.period_counts | starts + (last(starts) + CASE WHEN n < 20 THEN n ELSE 20 END)) AS starts
  // [date, id] of the newest events of the newest periods in the range (20 at least when the range has them), and
  // [date, id, mode] of each period's first event of each mode: the dates come with the ids, so no event is read.
  WITH r, kept,
    reduce(pairs = [], i IN kept | CASE WHEN size(pairs) >= 20 THEN pairs
      ELSE pairs + [j IN range(starts[i], starts[i + 1] - 1) | [recent_dates[j], recent[j]]] END) AS newest,
    reduce(flat = [], i IN kept |
      flat + [j IN range(CASE WHEN i = 0 THEN 0 ELSE mode_ends[i - 1] END, mode_ends[i] - 1) |
        [mode_dates[j], mode_events[j], modes[j]]]) AS candidates
  // A mode's first candidate, its periods being newest first, is its newest event on the edge.
  WITH r, kept, newest,
    reduce(seen = [], c IN candidates | CASE WHEN any(f IN seen WHERE f[2] = c[2]) THEN seen ELSE seen + [c] END)
      AS firsts
  RETURN
    max(r.period_last[kept[0]]) AS last_date,
    reduce(all_pairs = [], pairs IN collect(newest) | all_pairs + pairs) AS newest,
    reduce(all_firsts = [], f IN collect(firsts) | all_firsts + f) AS firsts
}
// The sender's 20 newest events of the range, ordered as read/api_ask_troops orders them (date, newest first, then id).
CALL (newest) {
  UNWIND newest AS pair
  WITH pair
  ORDER BY pair[0] DESC, pair[1]
  RETURN collect(pair[1])[..20] AS event_ids
}
// The modes by their newest event in the range (a mode's first event in a period is its newest there).
CALL (firsts) {
  UNWIND firsts AS first
  WITH first
  ORDER BY first[0] DESC, first[1]
  RETURN reduce(modes = [], f IN collect(first) | CASE WHEN f[2] IN modes THEN modes ELSE modes + f[2] END) AS modes
}
WITH y, events, last_date, modes, event_ids
ORDER BY events DESC, last_date DESC, y.id
LIMIT $limit
RETURN
  y.id AS id,
  y.name AS name,
  CASE WHEN y:Country THEN 'country' ELSE coalesce(y.kind, 'org') END AS kind,
  events,
  last_date,
  modes,
  event_ids,
  COLLECT {
    MATCH (:Event {id: event_ids[0]})-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
