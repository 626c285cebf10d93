// Every story key the watcher recorded, with what became of it and why, for tests.
// params: none
// returns: key, url, state, reason, item
MATCH (s:WatchSeen)
RETURN s.key AS key, s.url AS url, s.state AS state, s.reason AS reason, s.item AS item
ORDER BY key
