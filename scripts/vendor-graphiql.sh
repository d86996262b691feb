#!/usr/bin/env bash
# Fetch GraphiQL's browser files again from the npm registry (`npm pack`, exactly the versions pinned in
# static/graphiql/VERSIONS), check each file's sha256 against the one recorded there, and put them into
# static/graphiql/. Nothing is written unless every file matches; re-running it changes nothing.
#
#   bash scripts/vendor-graphiql.sh          fetch, check, write
#   bash scripts/vendor-graphiql.sh --check  fetch and check, and check the files already here; write nothing
#   bash scripts/vendor-graphiql.sh --pin    after changing a version in VERSIONS: fetch, write, and record
#                                            the new sha256s in VERSIONS (review the diff before committing)
set -euo pipefail
cd "$(dirname "$0")/.."

DEST=static/graphiql
LIST=$DEST/VERSIONS
MODE=${1:-fetch}
case "$MODE" in
    fetch | --check | --pin) ;;
    *) echo "usage: $0 [--check | --pin]" >&2; exit 2 ;;
esac
command -v npm >/dev/null 2>&1 || { echo "npm (Node.js) is needed to fetch the packages" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failed=0
: >"$WORK/VERSIONS"
while IFS= read -r line; do
    read -r spec inner here pinned <<<"$line" || true
    if [ -z "${spec:-}" ] || [ "${spec:0:1}" = "#" ]; then
        printf '%s\n' "$line" >>"$WORK/VERSIONS"
        continue
    fi
    dir="$WORK/packages/${spec//\//_}"
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        echo "== npm pack $spec"
        # stdin from /dev/null: npm must not read the rest of VERSIONS
        (cd "$dir" && npm pack --silent "$spec" </dev/null >/dev/null)
        tar -xzf "$dir"/*.tgz -C "$dir"
    fi
    file="$dir/package/$inner"
    [ -f "$file" ] || { echo "$spec has no $inner" >&2; exit 1; }
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$MODE" = "--pin" ]; then
        pinned=$actual
    elif [ "$actual" != "$pinned" ]; then
        echo "MISMATCH $spec $inner: sha256 $actual, pinned $pinned" >&2
        failed=1
    fi
    if [ "$MODE" = "--check" ] && [ "$(sha256sum "$DEST/$here" 2>/dev/null | cut -d' ' -f1)" != "$pinned" ]; then
        echo "MISMATCH $DEST/$here differs from $spec $inner" >&2
        failed=1
    fi
    cp "$file" "$WORK/$here"
    printf '%-34s %-32s %-30s %s\n' "$spec" "$inner" "$here" "$pinned" >>"$WORK/VERSIONS"
done <"$LIST"

if [ "$failed" -ne 0 ]; then
    echo "nothing written: a file is not the one pinned in $LIST" >&2
    exit 1
fi
if [ "$MODE" = "--check" ]; then
    echo "ok: every file in $DEST is the pinned one"
    exit 0
fi
for file in "$WORK"/*; do
    if [ -f "$file" ] && [ "$(basename "$file")" != VERSIONS ]; then
        cp "$file" "$DEST/"
    fi
done
if [ "$MODE" = "--pin" ]; then
    cp "$WORK/VERSIONS" "$LIST"
fi
echo "ok: $DEST holds the pinned files ($(du -ch "$DEST"/*.js "$DEST"/*.css | tail -1 | cut -f1) of scripts and styles)"
