#!/usr/bin/env bash
# Fails when a non-test source file of src/ is longer than LIMIT lines (issue 9: a file that
# grows past it is cut along its seams, as the TABARI coder and the store were), listing each.
#
#   source_file_length.sh SOURCE_DIR [LIMIT]   (LIMIT defaults to 600)
#
# Non-test: every *.cc and *.h under SOURCE_DIR/src except *_test.cc and src/testing/.
set -euo pipefail
root=$1
limit=${2:-600}
status=0
while IFS= read -r file; do
  lines=$(wc -l < "$file")
  if [ "$lines" -gt "$limit" ]; then
    echo "${file#"$root/"}: $lines lines (over $limit); split it along its seams"
    status=1
  fi
done < <(find "$root/src" \( -name '*.cc' -o -name '*.h' \) ! -name '*_test.cc' \
           ! -path "$root/src/testing/*" | sort)
if [ $status -eq 0 ]; then echo "no non-test source file in src/ over $limit lines"; fi
exit $status
