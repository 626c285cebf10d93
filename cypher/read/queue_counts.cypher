// How many queue items are in each status (queued, processing, done, failed); statuses with none are absent.
// params: none
// returns: status, count
MATCH (q:QueuedArticle)
RETURN q.status AS status, count(*) AS count
ORDER BY status
