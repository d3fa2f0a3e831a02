#!/usr/bin/env bash
# Fails when an English word is written as a string literal in the C++ of a stage whose words
# belong in data/lexicon/ (doc/lexicon.md). Tests (*_test.cc, *_test_util.h) are exempt.
#
#   no_english_literals.sh SOURCE_DIR FOLDER...
#
# A "word literal" is a string literal of two or more lower-case letters (apostrophes allowed;
# token norms are lower case, so any word compared with one is too), outside comments.
# Literals that are not English words the code looks for in text (morphological suffixes, the
# keywords of a data format, values written to the output) are listed in allowed_literals.txt
# beside this script, each with its file or folder (relative to src/) and reason; `*` allows
# every literal of a file (a data-format parser).
set -euo pipefail
src=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
allowed=$(grep -v '^#' "$here/allowed_literals.txt" | awk -F'\t' 'NF >= 2 {print $1 "\t" $2}')
status=0
for folder in "$@"; do
  while IFS= read -r file; do
    # Drop // comments (not inside a string: a literal never holds "//" in these folders).
    while IFS= read -r hit; do
      line=${hit%%:*}
      word=${hit#*:}
      word=${word//\"/}
      rel=${file#"$src/src/"}
      [ ${#word} -ge 2 ] || continue
      if ! grep -qxF -e "$folder"$'\t'"$word" -e "$rel"$'\t'"$word" -e "$rel"$'\t*' <<<"$allowed"; then
        echo "$file:$line: English word \"$word\" in code; put it in a data/lexicon/ class"
        status=1
      fi
    done < <(sed -e 's#//.*$##' "$file" | grep -noE "\"[a-z']*[a-z][a-z']*\"" || true)
  done < <(find "$src/src/$folder" \( -name '*.cc' -o -name '*.h' \) ! -name '*_test.cc' \
             ! -name '*_test_util.h' | sort)
done
if [ $status -eq 0 ]; then echo "no English word literals in: $*"; fi
exit $status
