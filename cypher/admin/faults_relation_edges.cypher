// The relationship layer (edges carrying event_ids): type, ends, event_count and the events listed. Full scan, for
// scripts/fault_trials.py's check that each edge counts the distinct, existing events behind it.
// params: none
// returns: type, a, b, event_count, event_ids
MATCH (x)-[r]->(y)
WHERE r.event_ids IS NOT NULL
RETURN type(r) AS type, x.id AS a, y.id AS b, r.event_count AS event_count,
  r.event_ids AS event_ids
ORDER BY type, a, b
