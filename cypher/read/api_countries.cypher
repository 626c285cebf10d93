// Every country in the graph with counts: events it took part in, articles naming it, officials known to hold office
// in it. Most events first. Countries are few (about 200), so this reads them all. The counted patterns name no
// label at the far end (PARTICIPATED_IN only reaches events, MENTIONS only comes from articles, HOLDS_OFFICE only
// from people), so Neo4j answers each from the node's relationship-degree counters instead of walking the
// relationships: a busy country has hundreds of thousands of them.
// params: none
// returns: id, name, event_count, article_count, official_count
MATCH (c:Country)
RETURN
  c.id AS id,
  c.name AS name,
  COUNT { (c)-[:PARTICIPATED_IN]->() } AS event_count,
  COUNT { ()-[:MENTIONS]->(c) } AS article_count,
  COUNT { ()-[:HOLDS_OFFICE]->(c) } AS official_count
ORDER BY event_count DESC, id
