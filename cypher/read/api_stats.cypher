// The graph's size and when an article was last ingested, for the landing page and GET /stats. Label counts come
// from the count store; the last ingest time (an ISO string, null for an empty graph) from the article_ingested_at
// index, newest first, one row read.
// params: none
// returns: countries, organizations, people, events, articles, last_ingested_at
CALL () { MATCH (n:Country) RETURN count(n) AS countries }
CALL () { MATCH (n:Organization) RETURN count(n) AS organizations }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Article) RETURN count(n) AS articles }
CALL () {
  OPTIONAL MATCH (a:Article) WHERE a.ingested_at IS NOT NULL
  WITH a.ingested_at AS at ORDER BY at DESC LIMIT 1
  RETURN at AS last_ingested_at
}
RETURN countries, organizations, people, events, articles, last_ingested_at
