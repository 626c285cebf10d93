// Cheapest round trip that proves the server answers queries with these credentials.
// params: none
// returns: ok
RETURN 1 AS ok
