// The outcome of the pages whose keys write/watch_seen_merge just created: $rows = [{key, state, reason, item}],
// state one of queued, duplicate, not_english, no_text, gone, disallowed, refused; reason why (or null); item the
// queue item's id when queued (else null).
// params: $rows
// returns: key
UNWIND $rows AS row
MATCH (s:WatchSeen {key: row.key})
SET s.state = row.state, s.reason = row.reason, s.item = row.item
REMOVE s.token
RETURN s.key AS key
