// Extends leases a worker still holds: $rows = [{id, lease_ms}, ...], from now on the server's clock. Run after
// write/queue_lock in the same transaction has shown each item still leased to this worker at the same attempt.
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET q.lease_until = datetime() + duration({milliseconds: row.lease_ms})
RETURN q.id AS id
