// A few event ids, to tell whether a graph is already loaded (scripts/load_test.py --reuse-instance).
// params: $limit
// returns: id
MATCH (e:Event)
RETURN e.id AS id
LIMIT $limit
