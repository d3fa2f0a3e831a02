#!/usr/bin/env bash
# The libraries only some commands need are opened by those commands (base/shared_library.h),
# not by the dynamic linker at every start: the binary's dependency closure must not hold them.
# Where the test may make a private mount namespace (root, util-linux `unshare`), it also hides
# each library from the binary and checks the command that needs it: one line naming the
# library, the documented exit code (doc/cli.md), and `code` still working.
#   tests/startup_libraries.sh PATH/TO/dragoman LIBPQ_SONAME LIBNATS_SONAME
set -euo pipefail
bin=$1
pq_soname=$2
nats_soname=$3
closure=$(ldd "$bin")
status=0
# libpq and what only it brings (Kerberos, LDAP); libnats and what only it brings (protobuf-c).
for lib in libpq.so libnats.so libgssapi_krb5.so libldap libprotobuf-c.so; do
  if grep -q "$lib" <<<"$closure"; then
    echo "$bin loads $lib at start-up: open it where it is used (base/shared_library.h)"
    status=1
  fi
done

# library_path SONAME: where the dynamic linker finds SONAME. awk reads all of ldconfig's output
# (an early `exit` would let ldconfig die of SIGPIPE, which pipefail turns into a failure).
library_path() {
  ldconfig -p | awk -v s="$1" '$1 == s && !found {print $NF; found = 1}'
}

# hidden LIBRARY_SONAME EXPECTED_EXIT COMMAND...: runs COMMAND with the library replaced by an
# empty file in a private mount namespace.
hidden() {
  local soname=$1 want=$2
  shift 2
  local path
  path=$(library_path "$soname")
  if [ -z "$path" ]; then
    echo "$soname is not installed: cannot check the message for its absence"
    status=1
    return
  fi
  local out rc=0
  out=$(unshare -m bash -c 'mount --bind /dev/null "$1" && shift && exec "$@"' _ "$path" "$@" \
        2>&1 >/dev/null) || rc=$?
  if [ "$rc" != "$want" ] || [ "$(wc -l <<<"$out")" != 1 ] ||
     ! grep -q "^dragoman.*: $soname is needed for .* but cannot be loaded: " <<<"$out"; then
    echo "without $soname, '$*' gave exit $rc (want $want) and: $out"
    status=1
  fi
}
if unshare -m true 2>/dev/null; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "The minister met the president in Paris on Monday." >"$tmp/tiny.txt"
  hidden "$pq_soname" 5 "$bin" events --db postgresql://127.0.0.1:1/none --dyad USA,FRA
  hidden "$nats_soname" 6 "$bin" publish --nats nats://127.0.0.1:1 "$tmp/tiny.txt"
  pq=$(library_path "$pq_soname")
  if ! unshare -m bash -c 'mount --bind /dev/null "$1" && shift && exec "$@"' _ "$pq" \
       "$bin" code "$tmp/tiny.txt" >/dev/null; then
    echo "code fails without libpq"
    status=1
  fi
else
  echo "(no private mount namespace here: the missing-library messages are not checked)"
fi
exit $status
