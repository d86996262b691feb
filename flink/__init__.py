"""How hlink talks to Flink: the REST client, its errors, the local cluster, the SQL runner."""
