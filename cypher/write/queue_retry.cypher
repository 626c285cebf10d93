// Puts failed items back on the queue with a fresh attempt budget: $rows = [{id}, ...]. Items that are not failed
// are left alone. The dummy SET takes the write lock before status is read (see write/queue_lock). The last error
// stays on the item until it is done.
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET q._lock = true
REMOVE q._lock
WITH q
WHERE q.status = 'failed'
SET
  q.status = 'queued',
  q.attempts = 0,
  q.retries = coalesce(q.retries, 0) + 1
REMOVE q.failed_at
RETURN q.id AS id
