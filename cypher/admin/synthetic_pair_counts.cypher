// Events per pair of actors, from the BETWEEN index entries: what scripts/bench_api.py --reuse draws its busy and
// quiet pairs from when it times a graph it did not load in this run (full scan: not for the API).
// params: none
// returns: pair, events
MATCH ()-[p:BETWEEN]->()
RETURN p.pair AS pair, count(*) AS events
