// Claims the seen-keys of a batch of pages, under their unique-key locks: $rows = [{key, url, source, token}],
// token unique to one page of this call (a batch's rows come sorted by key, so two batches meeting the same keys
// take their locks in the same order). created: the key did not exist before this row (this row made it, state
// 'pending' until write/watch_seen_state in the same transaction); a key that existed was seen before (the page is
// a duplicate: an earlier run, another thread, or an earlier page of this batch dealt with it). at: when the
// transaction that recorded the key began (one value for a whole batch).
// params: $rows
// returns: key, token, created, state
UNWIND $rows AS row
MERGE (s:WatchSeen {key: row.key})
  ON CREATE SET s.token = row.token, s.url = row.url, s.source = row.source, s.state = 'pending',
    s.at = datetime.transaction()
RETURN s.key AS key, row.token AS token, s.token = row.token AS created, s.state AS state
