"""What the API (service.api) and the extractor and worker (ingest) both need, below both: the actor gazetteer
and office holders, PLOVER's types, the relationship-layer mapping, article-body checks, and the queue's storage.
Nothing here imports service.api or ingest (tests/test_import_layers.py)."""
