"""Domain services: what happens. Both faces (GraphQL and REST) call these and nothing else writes."""
