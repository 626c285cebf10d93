// Nodes in all, nodes per label and relationships per type, for the capacity figures of scripts/bench_kafka.py
// (full scan: not for the API).
// params: none
// returns: kind, name, count
MATCH (n)
RETURN 'nodes' AS kind, '' AS name, count(n) AS count
UNION ALL
MATCH (n)
UNWIND labels(n) AS label
RETURN 'label' AS kind, label AS name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
