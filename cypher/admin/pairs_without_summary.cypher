// Pairs of actors that the relationship layer links but that have no per-pair summary yet (a graph written before
// write/upsert_pair_summaries existed), or whose summaries lack the strongest events' confidences or the cumulative
// counts per type (written before those), with every period of their events (from their BETWEEN entries), for
// service.graph.schema.upgrade_pair_summaries to give them one, $limit pairs per transaction. On an up-to-date
// graph it reads the layer's edges and returns nothing.
// A pair's BETWEEN entries are read by a seek of the (pair, date) index, forced by `USING INDEX SEEK` (the date
// bound `>= ''` excludes nothing: every entry has a date, '' when undated). Without it the `{pair: pair}` lookup was
// planned as a scan of every BETWEEN entry, and a plain `USING INDEX` hint, planned right after a large load (as the
// start after an upgrade is), as a scan of the whole index, for each pair: up to 10 s per batch of 100 pairs on
// 10,000 events, instead of 0.1 s.
// params: $limit
// returns: pair, periods
MATCH (a:Country|Organization)-[:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(b:Country|Organization)
  WHERE a.id < b.id
    AND (NOT EXISTS { (a)-[:PAIR_SUMMARY]->(b) }
         OR EXISTS { (a)-[s:PAIR_SUMMARY]->(b) WHERE s.period_top_confidence IS NULL OR s.type_names IS NULL })
WITH DISTINCT a.id + '|' + b.id AS pair
  WHERE EXISTS {  // else nothing would give it one (layer_mismatches tells)
    MATCH ()-[p:BETWEEN]->()
      USING INDEX SEEK p:BETWEEN(pair, date)
      WHERE p.pair = pair AND p.date >= ''
  }
ORDER BY pair
LIMIT $limit
CALL (pair) {
  MATCH ()-[p:BETWEEN]->()
    USING INDEX SEEK p:BETWEEN(pair, date)
    WHERE p.pair = pair AND p.date >= ''
  RETURN collect(DISTINCT CASE WHEN p.date = '' THEN '' WHEN size(p.date) = 4 THEN p.date ELSE left(p.date, 7) END)
    AS periods
}
RETURN pair, periods
ORDER BY pair
