"""Kafka as the article queue (GEOKG_QUEUE=kafka): the client's configuration, the producer the API and the CLI
submit through, and a managed single-node broker for tests and local runs (assembled from Maven Central)."""
