// Synthetic graph benchmarks (scripts/bench_api.py): states and organisations by how many events they took part in
// (a degree count per node, no event is read).
// params: none
// returns: id, events
MATCH (n:Country|Organization)
RETURN n.id AS id, COUNT { (n)-[:PARTICIPATED_IN]->(:Event) } AS events
ORDER BY events DESC, id
