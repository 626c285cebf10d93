"""`geokg watch`: news sources polled politely, new article pages fetched and put on the queue the workers drain.

    config.py    sources.toml read and checked; sources named on the command line
    netguard.py  which addresses a request may reach, checked on the address a name resolves to at connect time
    fetch.py     HTTP: robots.txt, User-Agent, per-host limits, conditional GET, retries, size and redirect limits
    listing.py   RSS 2.0, Atom, XML sitemaps (news sitemaps and indexes) and URL lists -> entry URLs
    urls.py      URL variants (tracking parameters, AMP and mobile forms) -> one key per story URL
    page.py      a fetched page -> its text, canonical link, language and text hash
    watcher.py   the loop: poll each source on its interval, fetch new pages, record them and queue them

What the watcher has seen, its conditional-GET validators and each source's health live in Neo4j
(service/shared/watch_state.py), next to the queue, so that a killed watcher resumes without losing or repeating
anything. Extraction stays in the workers. See docs/watch.md.
"""
