// Events reported by more than one article, with how many: the fault trials' measure of how much merging of events
// across articles the run exercised. Full scan, for scripts/fault_trials.py.
// params: none
// returns: event, articles
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
WITH e.id AS event, count(DISTINCT a) AS articles
WHERE articles > 1
RETURN event, articles
ORDER BY event
