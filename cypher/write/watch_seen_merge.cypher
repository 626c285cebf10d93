// Claims seen-keys for one page, under their unique-key locks: $rows = [{key, url, source, token}], token unique
// to this call. created: the key did not exist (this call made it, state 'pending' until write/watch_seen_state
// in the same transaction); a key that existed was seen before (the page is a duplicate, or another thread or an
// earlier run dealt with it).
// params: $rows
// returns: key, created, state
UNWIND $rows AS row
MERGE (s:WatchSeen {key: row.key})
  ON CREATE SET s.token = row.token, s.url = row.url, s.source = row.source, s.state = 'pending', s.at = datetime()
RETURN s.key AS key, s.token = row.token AS created, s.state AS state
