// Every queue item with its status and submitted payload (a JSON string), for tests that check what was queued.
// params: none
// returns: id, status, payload
MATCH (q:QueuedArticle)
RETURN q.id AS id, q.status AS status, q.payload AS payload
ORDER BY id
