// A pair's trend: the events between $a and $b counted per period, PLOVER type, quad class and stance, with the
// stance's score, for GET /relations/timeline (service/api/routes_timeline.py shapes the periods and the net score).
// Reads the pair's entries in the (pair, date) index of BETWEEN relationships, as read/api_relations does (one per
// event and pair of actors on opposite sides, or in a symmetric event; write/upsert_relations keeps them), so the
// events counted are exactly those GET /relations lists. Its cost follows the pair's events in the range.
// - $pair: the two actors' keys sorted and joined with '|' ("RUS|UKR").
// - $since / $until: ISO dates of any precision or null; an event is kept when its (possibly partial) date overlaps
//   the range, as in read/api_relations and read/api_partners_in_range. $low / $high: the index bounds that contain
//   that range (routes_relations.index_bounds: '' and '~' for no range): undated events are stored with date '' and
//   so fall outside any range.
// - $interval: 'month', 'quarter' or 'year'. period: "2023-05", "2023-Q2" or "2023"; for an event dated only to a
//   year when the interval is month or quarter, its year ("2023") with precise = false; null for an undated event.
// cooperation: the partners stance rule (read/api_partners_in_range): verbal and material cooperation, plus MOBILIZE
// with mode "troops" (troops sent in support); every other event is conflict. score: the partners score of the
// group, sum of confidence (0.5 when missing) x weight, 2 for material events and troops, 1 for verbal.
// params: $pair, $since, $until, $low, $high, $interval
// returns: period, precise, type, quad_class, cooperation, events, score
MATCH ()-[p:BETWEEN]->(e)
  WHERE p.pair = $pair AND p.date >= $low AND p.date < $high
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
WITH
  p.date AS day,
  e.type AS type,
  e.quad_class AS quad_class,
  (e.type = 'MOBILIZE' AND coalesce(e.mode, '') = 'troops') AS troops,
  coalesce(e.confidence, 0.5) AS confidence
WITH day, type, quad_class, confidence,
  quad_class IN ['verbal_cooperation', 'material_cooperation'] OR troops AS cooperation,
  CASE WHEN quad_class STARTS WITH 'material' OR troops THEN 2.0 ELSE 1.0 END AS weight,
  day <> '' AND ($interval = 'year' OR size(day) >= 7) AS precise
WITH type, quad_class, cooperation, precise, confidence * weight AS score,
  CASE
    WHEN day = '' THEN null
    WHEN NOT precise OR $interval = 'year' THEN left(day, 4)
    WHEN $interval = 'month' THEN left(day, 7)
    ELSE left(day, 4) + '-Q' + toString((toInteger(substring(day, 5, 2)) + 2) / 3)
  END AS period
RETURN period, precise, type, quad_class, cooperation, count(*) AS events, sum(score) AS score
ORDER BY period, precise DESC, type, cooperation
