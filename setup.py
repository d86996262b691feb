"""hlink installs as one package, ``hlink``: the repository's root is that package's folder.

The folders stay at the root (models/, schema/, resolvers/, services/, rest/, flink/, migrations/, static/ and
the modules beside them); setuptools maps the root to ``hlink`` and each folder under it, so site-packages gets
one name. The package list is computed here because pyproject's ``packages.find`` cannot add a prefix.
"""

from typing import Any

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

#: the folders that are hlink (tests/, bench/ and scripts/ are not installed)
FOLDERS = ["models", "schema", "resolvers", "services", "rest", "flink", "migrations"]


class BuildPy(build_py):
    """The root is the package's folder, but this file is not a module of it."""

    def find_package_modules(self, package: str, package_dir: str) -> Any:
        found = super().find_package_modules(package, package_dir)
        return [m for m in found if not (package == "hlink" and m[1] == "setup")]


setup(
    package_dir={"hlink": "."},
    packages=["hlink"] + [f"hlink.{p}" for p in find_packages(".", include=[f"{f}*" for f in FOLDERS])],
    # the vendored browser assets (GraphiQL, Swagger UI) with their licences, served from the install (no CDN),
    # and the SQL runner's source, compiled on first use
    package_data={"hlink": ["static/README.md", "static/*/*"], "hlink.flink": ["runner/*.java"]},
    cmdclass={"build_py": BuildPy},
)
