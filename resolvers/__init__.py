"""The GraphQL glue: request context, DataLoaders, and the root query and mutation resolvers."""
