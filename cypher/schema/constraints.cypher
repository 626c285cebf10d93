// Node keys: one uniqueness constraint per label, so MERGE on the key finds the one node (and is fast: the
// constraint's backing index serves it). Community edition has no NODE KEY / existence constraints. Every actor
// label is keyed `id`; a country's `id` is its ISO 3166-1 alpha-3 code, also kept (and unique) as `iso3`, the key
// older versions merged countries on (admin/country_id_upgrade gives their countries an `id` at startup).
// params: none
// returns: none
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_iso3 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso3 IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
