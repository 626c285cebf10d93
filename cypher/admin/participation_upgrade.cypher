// Brings PARTICIPATED_IN relationships written before they carried `actor`, `type` and `date` (the
// participated_actor_date and participated_actor_type_date indexes behind GET /events?actor= and GET /ask) up to date. Run after the schema at every startup (apply_schema): on an
// up-to-date graph it only reads the relationships and changes nothing. Batched, so a large old graph is upgraded in
// many small transactions, and one interrupted halfway is finished at the next start.
// params: none
// returns: none
MATCH (x)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE p.actor IS NULL OR p.type IS NULL OR p.date IS NULL
CALL (x, p, e) {
  SET p.actor = x.id, p.type = e.type, p.date = coalesce(e.date, '')
} IN TRANSACTIONS OF 5000 ROWS
