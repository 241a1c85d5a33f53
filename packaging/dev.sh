#!/usr/bin/env bash
# Set-up for a fresh Debian 12 machine: install what is missing, build, then
#   run      launch Statescope on the embedded default (private sandbox + demo data)
#   test     run the whole test suite (ctest; real PostgreSQL started by the harness)
#   package  build the .deb (CPack) and check its contents
# Works as root (CI) and as a normal user (uses sudo for apt-get only).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  g++ cmake ninja-build ccache pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libgl-dev
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libpq-dev nlohmann-json3-dev
  postgresql-15 postgresql-client-15
)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  cmake --preset dev >/dev/null
  cmake --build --preset dev
}

case "${1:-}" in
  run)
    shift
    install_deps
    build
    exec build/dev/src/app/statescope --sandbox "$@"
    ;;
  test)
    install_deps
    build
    ctest --preset dev
    ;;
  package)
    install_deps
    build
    (cd build/dev && cpack -G DEB)
    deb=$(ls -t build/dev/statescope_*.deb | head -n 1)
    dpkg-deb --contents "$deb" | grep -E 'usr/bin/statescope(-cli)?$|applications/.*desktop|metainfo/.*xml|icons/.*svg'
    echo "== built $deb"
    ;;
  *)
    echo "usage: packaging/dev.sh run|test|package" >&2
    exit 2
    ;;
esac
