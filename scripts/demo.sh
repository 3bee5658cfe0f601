#!/usr/bin/env bash
# Build the sample outputs into out/: the approved translations of the samples go into a fresh
# demo memory, then every sample release is translated into a parallel-text PDF, DOCX, HTML
# and JSON. Works with no Argos models installed: the memory holds every sentence.
set -euo pipefail
cd "$(dirname "$0")/.."

DEJAKIT="${DEJAKIT:-.venv/bin/dejakit}"
OUT="${OUT:-out}"
mkdir -p "$OUT"
# OUT may be relative or absolute: resolve it once.
OUT="$(cd "$OUT" && pwd)"
export DEJAKIT_MEMORY="$OUT/demo-memory.sqlite"
rm -f "$DEJAKIT_MEMORY" "$DEJAKIT_MEMORY-wal" "$DEJAKIT_MEMORY-shm"

echo "== approved translations -> $DEJAKIT_MEMORY"
"$DEJAKIT" memory import samples/*.tmx

for source in samples/pm-*-de.txt samples/pm-*-de.md samples/pr-*-ja.txt; do
  case "$source" in
    *-de.*) to=ja ;;
    *) to=de ;;
  esac
  name="$(basename "${source%.*}").$to"
  echo "== $source -> $OUT/$name.{pdf,docx,html,json}"
  "$DEJAKIT" translate "$source" --to "$to" --engine none \
    -o "$OUT/$name.pdf" -o "$OUT/$name.docx" -o "$OUT/$name.html" -o "$OUT/$name.json"
done
# The delegation's briefing pack (PDF + DOCX) and the MoU fact sheet on its own.
echo "== samples/pack.toml -> $OUT/ (briefing pack: PDF and DOCX)"
"$DEJAKIT" pack samples/pack.toml --engine none -o "$OUT"
echo "== samples/mou-nrw-fukushima-2026.toml -> $OUT/mou-nrw-fukushima-2026.ja.{pdf,docx}"
"$DEJAKIT" mou samples/mou-nrw-fukushima-2026.toml --to ja --engine none \
  --classification "Nur für den Dienstgebrauch · 取扱注意" \
  -o "$OUT/mou-nrw-fukushima-2026.ja.pdf" -o "$OUT/mou-nrw-fukushima-2026.ja.docx"
echo "== done: $(ls "$OUT" | wc -l) files in $OUT/"
