// For the upgrade test: makes the countries look as a version that keyed them `iso3` only wrote them (no `id`), so
// that admin/country_id_upgrade can be shown to bring them back. Returns how many countries it changed.
// params: none
// returns: countries
MATCH (c:Country)
REMOVE c.id
RETURN count(c) AS countries
