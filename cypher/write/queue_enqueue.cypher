// Puts submitted articles on the queue: $rows = [{id, payload, seq}, ...], id = hash of the payload (so a payload
// submitted twice is one item), payload = the article as a JSON string, seq = its position in the submission (orders
// items enqueued in the same millisecond). An existing item is left as it is, whatever its status.
// params: $rows
// returns: id, status
UNWIND $rows AS row
MERGE (q:QueuedArticle {id: row.id})
  ON CREATE SET
    q.payload = row.payload,
    q.seq = row.seq,
    q.status = 'queued',
    q.attempts = 0,
    q.processed_by = [],
    q.enqueued_at = datetime()
RETURN q.id AS id, q.status AS status
