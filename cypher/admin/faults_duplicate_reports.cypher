// REPORTED_IN edges written twice: the same event, article and sentence start more than once. Full scan, for
// scripts/fault_trials.py.
// params: none
// returns: event, article, start, copies
MATCH (e:Event)-[r:REPORTED_IN]->(a:Article)
WITH e.id AS event, a.id AS article, r.start AS start, count(r) AS copies
WHERE copies > 1
RETURN event, article, start, copies
ORDER BY event, article, start
