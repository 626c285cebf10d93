// Which of $keys the watcher has seen already (URL keys checked before fetching a page).
// params: $keys
// returns: key
UNWIND $keys AS key
MATCH (s:WatchSeen {key: key})
RETURN s.key AS key
