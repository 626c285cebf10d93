// A pair's trend from the per-period summaries of the relationship layer's edges between $a and $b
// (write/upsert_relations: periods, period_counts, period_scores): the rows of read/api_relations_timeline (same
// columns, same counts and scores), for GET /relations/timeline without a range or with bounds that are years or
// months. Its cost follows the pair's edges and their periods (at most one per month), not the pair's events.
// The layer's edges between two actors carry exactly the events of the pair's BETWEEN entries, each on one edge (the
// two on opposite sides of the event, or in a symmetric one). Each edge has one PLOVER type and quad class; its
// stance is the partners rule (read/api_partners: cooperation is verbal or material cooperation, plus
// DEPLOYS_TROOPS_TO), and its period scores the partners score (confidence x weight, 2 for material and troops).
// - $a, $b: the two actors' keys (ISO3 or organisation id).
// - $since / $until: YYYY or YYYY-MM, or null. A summary period ("2023-05" for events dated to a month or a day,
//   "2023" for events dated only to a year, '' for undated ones) is wholly inside or outside such a range, by the
//   overlap rule of an event's date; undated events count only without a range.
// - $interval: 'month', 'quarter' or 'year'. period: "2023-05", "2023-Q2" or "2023"; for events dated only to a year
//   when the interval is month or quarter, its year ("2023") with precise = false; null for undated events.
// params: $a, $b, $since, $until, $interval
// returns: period, precise, type, quad_class, cooperation, events, score
CALL () {
  MATCH (c:Country {id: $a})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $a})
  RETURN o AS x
}
CALL () {
  MATCH (c:Country {id: $b})
  RETURN c AS y
  UNION
  MATCH (o:Organization {id: $b})
  RETURN o AS y
}
MATCH (x)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(y)
WITH
  r.event_type AS type,
  r.quad_class AS quad_class,
  r.quad_class IN ['verbal_cooperation', 'material_cooperation'] OR type(r) = 'DEPLOYS_TROOPS_TO' AS cooperation,
  r.periods AS periods, r.period_counts AS counts, r.period_scores AS scores
UNWIND range(0, size(periods) - 1) AS i
WITH type, quad_class, cooperation, periods[i] AS day, counts[i] AS n, scores[i] AS score
  WHERE ($since IS NULL AND $until IS NULL)
     OR (day <> ''
         AND ($since IS NULL OR day >= $since OR $since STARTS WITH day)
         AND ($until IS NULL OR day <= $until OR day STARTS WITH $until))
WITH type, quad_class, cooperation, n, score,
  day <> '' AND ($interval = 'year' OR size(day) >= 7) AS precise, day
WITH type, quad_class, cooperation, precise, n, score,
  CASE
    WHEN day = '' THEN null
    WHEN NOT precise OR $interval = 'year' THEN left(day, 4)
    WHEN $interval = 'month' THEN left(day, 7)
    ELSE left(day, 4) + '-Q' + toString((toInteger(substring(day, 5, 2)) + 2) / 3)
  END AS period
RETURN period, precise, type, quad_class, cooperation, sum(n) AS events, sum(score) AS score
ORDER BY period, precise DESC, type, cooperation
