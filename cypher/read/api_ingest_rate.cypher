// Articles written since $since (an ISO 8601 UTC time, compared as the string ingest/load.py stores), for the
// front door's ingest rate; served by the article_ingested_at index.
// params: $since
// returns: articles
MATCH (a:Article)
WHERE a.ingested_at >= $since
RETURN count(a) AS articles
