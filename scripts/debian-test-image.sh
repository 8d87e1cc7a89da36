#!/usr/bin/env bash
# The Debian root file system the package tests install into: debootstrap (minbase, bookworm) from
# Debian's mirror once, kept as a tarball in ARASUL_TEST_CACHE (outside the repository) so later runs
# and CI caches reuse it, then imported as the image arasul-test/debian:bookworm. Idempotent.
set -euo pipefail
IMAGE=${ARASUL_DEBIAN_IMAGE:-arasul-test/debian:bookworm}
CACHE=${ARASUL_TEST_CACHE:-/var/cache/arasul-test}
TARBALL="$CACHE/debian-bookworm-minbase.tar"
docker image inspect "$IMAGE" >/dev/null 2>&1 && exit 0
mkdir -p "$CACHE"
if [[ ! -s $TARBALL ]]; then
  rootfs=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  trap 'rm -rf "$rootfs"' EXIT
  echo "debootstrap: bookworm minbase into $rootfs (once; a few minutes)" >&2
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 ||
    { echo "debootstrap failed, see $CACHE/debootstrap.log" >&2; exit 1; }
  tar -C "$rootfs" -cf "$TARBALL.tmp" . && mv "$TARBALL.tmp" "$TARBALL"
fi
docker import -c 'CMD ["/bin/bash"]' "$TARBALL" "$IMAGE" >/dev/null
