"""schema.graphql is the exported SDL: a schema change without re-export fails here."""

from hlink.resolvers import roots
from hlink.schema import SDL_PATH, sdl


def test_committed_sdl_matches_the_schema():
    assert SDL_PATH.read_text() == sdl(roots()), "schema.graphql is out of date: run `hlink export-schema`"
