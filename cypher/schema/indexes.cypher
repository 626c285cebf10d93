// Indexes for the lookups the API makes: actors by name, articles by URL, date and ingest time (the newest one for
// the landing page), events filtered by type, date, status and quad class (the composites serve "events of type/class
// T between two dates"), and full-text search over actor names and evidence sentences; (pair, date) on BETWEEN, the
// newest events between two actors; (actor, date) on PARTICIPATED_IN, the newest events of one actor.
// params: none
// returns: none
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_ingested_at IF NOT EXISTS FOR (n:Article) ON (n.ingested_at);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_status IF NOT EXISTS FOR (n:Event) ON (n.status);
CREATE INDEX event_quad_class IF NOT EXISTS FOR (n:Event) ON (n.quad_class);
CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date);
CREATE INDEX event_quad_class_date IF NOT EXISTS FOR (n:Event) ON (n.quad_class, n.date);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS
FOR (n:Country|Person|Organization|Place) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX reported_sentence_text IF NOT EXISTS
FOR ()-[r:REPORTED_IN]-() ON EACH [r.sentence];
CREATE INDEX between_pair_date IF NOT EXISTS FOR ()-[r:BETWEEN]-() ON (r.pair, r.date);
CREATE INDEX participated_actor_date IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.actor, r.date);
CREATE INDEX participated_actor_type_date IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.actor, r.type, r.date);
