#!/usr/bin/env bash
# Checks that every file the configure step loaded from the system comes from a Debian
# package named in packaging/packages.list: the CMake package configurations (every
# <Name>_DIR entry of the cache, which includes the packages found as dependencies of
# others) and the libraries and tools that find modules recorded (FILEPATH entries).
# A used machine hides a missing install step; this names the missing package instead.
#
# Usage: packaging/check-deps.sh [build/dev/CMakeCache.txt]
# Exit status: 0 all covered, 1 packages missing from the list, 2 bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${1:-build/dev/CMakeCache.txt}
list=packaging/packages.list
if [ ! -f "$cache" ]; then
  echo "check-deps: no CMake cache at $cache (configure first)" >&2
  exit 2
fi
command -v dpkg >/dev/null || { echo "check-deps: dpkg not found" >&2; exit 2; }

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$' | sort -u)

# The Debian packages owning a path ("pkg:arch, pkg2: /path" -> pkg, pkg2).
# With merged /usr, dpkg may know a program as /bin/x rather than /usr/bin/x.
owners() {
  local out
  out=$(dpkg -S "$1" 2>/dev/null) || out=$(dpkg -S "${1#/usr}" 2>/dev/null) || true
  sed -n 's/: \/.*//p' <<<"$out" | tr ',' '\n' | sed 's/[[:space:]]//g;s/:.*//' | sort -u
}

# Essential packages are on every Debian system (gzip, tar, ...): nothing to install.
essential() {
  [ "$(dpkg-query -W -f='${Essential}' "$1" 2>/dev/null)" = yes ]
}

files=()
# CMake package configurations, one directory each.
while IFS= read -r dir; do
  for f in "$dir"/*Config.cmake "$dir"/*-config.cmake; do
    [ -f "$f" ] && files+=("$f")
  done
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$cache" | sed 's/^[^=]*=//' | sort -u)
# CMake's own find modules (find_package(PostgreSQL) and the like load them).
modules=$(sed -n 's/^CMAKE_ROOT:INTERNAL=//p' "$cache")/Modules/FindPackageHandleStandardArgs.cmake
[ -f "$modules" ] && files+=("$modules")
# Libraries and programs that find modules and find_program() recorded. CMake's own
# toolchain entries (compiler, linker, binutils) come with g++ and cmake.
while IFS= read -r f; do
  [ -e "$f" ] || continue
  # The path itself (a -dev package's .so link); through the link only when dpkg does not
  # know the path (a link made by update-alternatives).
  if [ -n "$(owners "$f")" ]; then files+=("$f"); else files+=("$(readlink -f "$f")"); fi
done < <(grep -E '^[A-Za-z0-9_]+:FILEPATH=/' "$cache" | grep -v '^CMAKE_' | sed 's/^[^=]*=//' | sort -u)

missing=()
declare -A seen=()
for f in "${files[@]}"; do
  pkgs=$(owners "$f")
  [ -n "$pkgs" ] || continue # not from a package (built or installed by hand): not ours to check
  ok=0
  for p in $pkgs; do
    if grep -qxF -- "$p" <<<"$listed" || essential "$p"; then ok=1; break; fi
  done
  if [ $ok = 0 ]; then
    first=$(head -n 1 <<<"$pkgs")
    if [ -z "${seen[$first]:-}" ]; then
      seen[$first]=1
      missing+=("$first")
      echo "check-deps: $f comes from '$first', which $list does not install" >&2
    fi
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "check-deps: FAILED: add to $list: ${missing[*]}" >&2
  exit 1
fi
echo "check-deps: ${#files[@]} files the configure step loaded all come from packages in $list"
