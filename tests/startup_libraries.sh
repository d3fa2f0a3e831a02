#!/usr/bin/env bash
# The libraries only some commands need are opened by those commands (base/shared_library.h),
# not by the dynamic linker at every start: the binary's dependency closure must not hold them.
#   tests/startup_libraries.sh PATH/TO/dragoman
set -euo pipefail
bin=$1
closure=$(ldd "$bin")
status=0
# libpq and what only it brings (Kerberos, LDAP); libnats and what only it brings (protobuf-c).
for lib in libpq.so libnats.so libgssapi_krb5.so libldap libprotobuf-c.so; do
  if grep -q "$lib" <<<"$closure"; then
    echo "$bin loads $lib at start-up: open it where it is used (base/shared_library.h)"
    status=1
  fi
done
exit $status
