// A pair's trend from the per-period summaries of the relationship layer's edges between $a and $b
// (write/upsert_relations: periods, period_counts, period_scores): one row per edge, its type, quad class, stance and
// its three period lists, for GET /relations/timeline without a range or with bounds that are years or months.
// service/api/routes_timeline.py filters the periods by the range and buckets them per month, quarter or year into
// the rows read/api_relations_timeline gives (same counts and scores): a few dozen edges with lists of at most one
// entry per month cost less to read than thousands of period rows to bucket in Cypher.
// The layer's edges between two actors carry exactly the events of the pair's BETWEEN entries, each on one edge (the
// two on opposite sides of the event, or in a symmetric one). Each edge has one PLOVER type and quad class; its
// stance is the partners rule (read/api_partners: cooperation is verbal or material cooperation, plus
// DEPLOYS_TROOPS_TO), and its period scores the partners score (confidence x weight, 2 for material and troops).
// A summary period is "2023-05" for events dated to a month or a day, "2023" for events dated only to a year, '' for
// undated ones.
// params: $a, $b
// returns: type, quad_class, cooperation, periods, counts, scores
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
RETURN
  r.event_type AS type,
  r.quad_class AS quad_class,
  r.quad_class IN ['verbal_cooperation', 'material_cooperation'] OR type(r) = 'DEPLOYS_TROOPS_TO' AS cooperation,
  r.periods AS periods,
  r.period_counts AS counts,
  r.period_scores AS scores
