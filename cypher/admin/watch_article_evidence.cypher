// Every article with the number of events reported in it, for tests that follow watched pages into the graph.
// params: none
// returns: url, events
MATCH (a:Article)
OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(a)
RETURN a.url AS url, count(DISTINCT e) AS events
ORDER BY url
