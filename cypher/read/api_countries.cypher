// Every country in the graph with counts: events it took part in, articles naming it, officials known to hold office
// in it. Most events first. Countries are few (about 200), so this reads them all.
// params: none
// returns: id, name, event_count, article_count, official_count
MATCH (c:Country)
RETURN
  c.iso3 AS id,
  c.name AS name,
  COUNT { (c)-[:PARTICIPATED_IN]->(:Event) } AS event_count,
  COUNT { (:Article)-[:MENTIONS]->(c) } AS article_count,
  COUNT { (:Person)-[:HOLDS_OFFICE]->(c) } AS official_count
ORDER BY event_count DESC, id
