#!/usr/bin/env bash
# Fetch Swagger UI's browser files again from the npm registry (`npm pack`, exactly the pinned version, the
# tarball checked against its pinned sha512) and put the files the docs page needs (/doc.html, rest/docs.py)
# into static/apidocs/, with the package's licence, its notice and a VERSION file naming package, version and
# each file's sha256. Re-running it changes nothing.
#
#   bash scripts/vendor-apidocs.sh          fetch, check, write
#   bash scripts/vendor-apidocs.sh --check  fetch, check, and check the files already here; write nothing
#
# To move to another version: change VERSION and INTEGRITY (`npm view swagger-ui-dist@<v> dist.integrity`),
# run it, and look at the page.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=swagger-ui-dist
VERSION=5.35.0
INTEGRITY=sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==
# the page loads the first two; the others are the licences that go with them
FILES=(swagger-ui-bundle.js swagger-ui.css LICENSE NOTICE swagger-ui-bundle.js.LICENSE.txt)
DEST=static/apidocs

MODE=${1:-fetch}
case "$MODE" in
    fetch | --check) ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
command -v npm >/dev/null 2>&1 || { echo "npm (Node.js) is needed to fetch the package" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "== npm pack $PACKAGE@$VERSION"
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" </dev/null >/dev/null)
tarball="$WORK/$PACKAGE-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
    echo "MISMATCH $PACKAGE@$VERSION: $actual, pinned $INTEGRITY; nothing written" >&2
    exit 1
fi
tar -xzf "$tarball" -C "$WORK"

{
    echo "$PACKAGE $VERSION ($INTEGRITY), fetched by scripts/vendor-apidocs.sh"
    for name in "${FILES[@]}"; do
        [ -f "$WORK/package/$name" ] || { echo "$PACKAGE@$VERSION has no $name" >&2; exit 1; }
        (cd "$WORK/package" && sha256sum "$name")
    done
} >"$WORK/VERSION"

if [ "$MODE" = "--check" ]; then
    failed=0
    for name in "${FILES[@]}" VERSION; do
        from="$WORK/package/$name"
        [ "$name" = VERSION ] && from="$WORK/VERSION"
        cmp -s "$from" "$DEST/$name" || { echo "MISMATCH $DEST/$name" >&2; failed=1; }
    done
    [ "$failed" -eq 0 ] && echo "$DEST holds $PACKAGE $VERSION"
    exit "$failed"
fi

mkdir -p "$DEST"
for name in "${FILES[@]}"; do
    install -m 0644 "$WORK/package/$name" "$DEST/$name"
done
install -m 0644 "$WORK/VERSION" "$DEST/VERSION"
echo "$DEST: $PACKAGE $VERSION (${FILES[*]})"
