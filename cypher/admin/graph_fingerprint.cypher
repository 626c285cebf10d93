// Everything the graph holds except the ingestion queue, for tests that check that a request changed nothing:
// one row per node (its labels and properties) and per relationship (its type, properties and the keys of its ends),
// which the caller hashes. Full scan: for test graphs, not for the API. Queue items (:QueuedArticle) are left out:
// a valid submission adds one, and the tests count them separately.
// params: none
// returns: kind, item
MATCH (n)
WHERE NOT n:QueuedArticle
RETURN 'node' AS kind, [labels(n), properties(n)] AS item
UNION ALL
MATCH (a)-[r]->(b)
WHERE NOT a:QueuedArticle AND NOT b:QueuedArticle
RETURN 'relationship' AS kind, [type(r), a.id, b.id, properties(r)] AS item
