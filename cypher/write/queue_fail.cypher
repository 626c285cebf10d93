// Marks items failed for good (until retried): $rows = [{id, error}, ...]; error says why (the article is unreadable,
// or it failed every allowed attempt). Run after write/queue_lock in the same transaction.
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET
  q.status = 'failed',
  q.error = row.error,
  q.failed_at = datetime()
REMOVE q.lease_owner, q.lease_until
RETURN q.id AS id
