// PARTICIPATED_IN relationships whose `actor`, `type` or `date` (the participated_actor_date and
// participated_actor_type_date indexes behind GET /events?actor= and GET /ask) differ from their actor's key, their
// event's type and their event's date ('' when undated). Full scan, for tests and fault trials: none is right.
// params: none
// returns: event_id, actor, stored_actor, stored_type, stored_date, date
MATCH (x)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE p.actor IS NULL OR p.actor <> x.id OR p.type IS NULL OR p.type <> e.type
     OR p.date IS NULL OR p.date <> coalesce(e.date, '')
RETURN
  e.id AS event_id, x.id AS actor, p.actor AS stored_actor, p.type AS stored_type, p.date AS stored_date,
  e.date AS date
