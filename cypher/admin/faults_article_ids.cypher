// Article ids in the graph, with how many nodes carry each (more than one would break the id constraint). Full
// scan, for scripts/fault_trials.py.
// params: none
// returns: id, copies
MATCH (a:Article)
RETURN a.id AS id, count(a) AS copies
ORDER BY id
