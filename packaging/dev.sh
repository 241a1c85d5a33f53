#!/usr/bin/env bash
# Set-up for a fresh Debian 12 machine: install what is missing, build, then
#   run      launch Statescope on the embedded default (private sandbox + demo data);
#            arguments after "run" go to the app (e.g. --smoke)
#   test     run the whole test suite (ctest; real PostgreSQL started by the harness)
#   package  build the .deb (CPack), check its contents and run lintian on it
#   deps     only install what is missing (CI's own builds on this machine: asan, fuzz)
# Works as root and as a normal user with sudo (sudo is used for apt-get only).
# The packages come from packaging/packages.list; packaging/check-deps.sh proves that the
# configure step loads nothing from a package that list does not name.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t PACKAGES < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' packaging/packages.list | grep -v '^$')
# Only for `package`: the checker Debian's own archive runs on every upload, and the
# validator of the metadata software centres read (its screenshots and captions).
PACKAGE_TOOLS=(lintian appstream)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# The compiler cache is keyed on the compiler's content and on paths relative to the
# checkout, so every clone (CI's, the fresh-machine check's) reuses what another stored.
export CCACHE_COMPILERCHECK=content CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
export CCACHE_IGNOREOPTIONS="-DQT_TESTCASE_BUILDDIR=* -DQT_TESTCASE_SOURCEDIR=*"

build() {
  cmake --preset dev >/dev/null
  cmake --build --preset dev
}

case "${1:-}" in
  run)
    shift
    install_deps "${PACKAGES[@]}"
    build
    exec build/dev/src/app/statescope --sandbox "$@"
    ;;
  test)
    install_deps "${PACKAGES[@]}"
    build
    packaging/check-deps.sh build/dev/CMakeCache.txt
    ctest --preset dev
    ;;
  package)
    install_deps "${PACKAGES[@]}" "${PACKAGE_TOOLS[@]}"
    build
    packaging/check-deps.sh build/dev/CMakeCache.txt
    rm -f build/dev/statescope_*.deb
    (cd build/dev && cpack -G DEB)
    deb=$(ls build/dev/statescope_*.deb)
    dpkg-deb --contents "$deb" | grep -E 'usr/bin/statescope(-cli)?$|statescope/libstatescope-io\.so$|applications/.*desktop|metainfo/.*xml|icons/.*svg|man1/.*\.1\.gz|doc/statescope/(copyright|changelog\.gz)'
    # The CLI's keychain and network module (src/core/io): without it, no HTTP and no keychain.
    contents=$(dpkg-deb --contents "$deb")
    grep -qE 'usr/lib/(.*/)?statescope/libstatescope-io\.so$' <<<"$contents" \
      || { echo "== the package lacks libstatescope-io.so" >&2; exit 1; }
    # The AppStream metadata as installed, checked without the network (its screenshots'
    # addresses are not fetched); the guide and the bash completion are in the package.
    appstreamcli validate --no-net packaging/io.statescope.Statescope.metainfo.xml
    grep -qE 'usr/share/bash-completion/completions/statescope-cli$' <<<"$contents" \
      || { echo "== the package lacks the bash completion" >&2; exit 1; }
    grep -qE 'usr/share/statescope/guide/GUIDE\.md$' <<<"$contents" \
      && grep -qE 'usr/share/statescope/guide/images/guide/window\.png$' <<<"$contents" \
      || { echo "== the package lacks the user guide" >&2; exit 1; }
    # Errors and warnings fail; informational tags are printed for the reader.
    lintian --fail-on error,warning --display-info "$deb"
    echo "== built $deb (lintian: no errors, no warnings)"
    ;;
  deps)
    install_deps "${PACKAGES[@]}"
    ;;
  *)
    echo "usage: packaging/dev.sh run [APP OPTIONS]|test|package|deps" >&2
    exit 2
    ;;
esac
