// Counts an attempt at articles read from the Kafka topic (GEOKG_QUEUE=kafka), before the worker processes them:
// $rows = [{id, owner, produced_ms, replay}, ...], id = the message key (the article's id), owner = the worker,
// produced_ms = the message's timestamp (epoch milliseconds), replay = the message is a dead letter sent again by
// `geokg queue retry` (a failed article then starts afresh, with a new attempt budget).
// An article's :QueuedArticle record is created at its first delivery (transport 'kafka'), so its attempts outlive
// the worker (a poison article that kills its workers is given up after N of them), and GET /articles/{id} and the
// worker's write/queue_done, queue_fail and queue_release work on it as on the Neo4j queue's items. It is never
// claimable by a Neo4j-queue worker: it has no seq, which read/queue_candidates requires.
// The dummy SET takes the node's write lock before its state is read (see write/queue_lock). An article already
// done, or failed and not replayed, is left as it is (the worker skips it: a redelivery after a crash, or a
// duplicate submission); any other becomes processing, leased to the worker at its next attempt (its first, for a
// replayed failed article).
// params: $rows
// returns: id, status, attempts, error
UNWIND $rows AS row
MERGE (q:QueuedArticle {id: row.id})
  ON CREATE SET
    q.status = 'processing',
    q.transport = 'kafka',
    q.attempts = 0,
    q.processed_by = [],
    q.enqueued_at = datetime({epochMillis: row.produced_ms})
SET q._lock = true
REMOVE q._lock
WITH q, row, q.status = 'done' OR (q.status = 'failed' AND NOT row.replay) AS settled
SET
  q.retries = CASE WHEN q.status = 'failed' AND row.replay THEN coalesce(q.retries, 0) + 1 ELSE q.retries END,
  q.attempts = CASE WHEN settled THEN q.attempts WHEN q.status = 'failed' THEN 1 ELSE q.attempts + 1 END,
  q.lease_owner = CASE WHEN settled THEN q.lease_owner ELSE row.owner END,
  q.claimed_at = CASE WHEN settled THEN q.claimed_at ELSE datetime() END,
  q.status = CASE WHEN settled THEN q.status ELSE 'processing' END
RETURN q.id AS id, q.status AS status, q.attempts AS attempts, q.error AS error
