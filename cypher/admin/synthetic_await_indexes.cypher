// Synthetic graph benchmarks (scripts/bench_api.py): waits until every index is online (populated), at most
// $seconds seconds, so that timings do not include index population.
// params: $seconds
// returns: none
CALL db.awaitIndexes($seconds)
