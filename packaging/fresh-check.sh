#!/usr/bin/env bash
# The fresh-machine check: proves the README's two commands and the .deb on Debian 12 root
# filesystems made from nothing with debootstrap (minbase: essential packages and apt).
#
#   A  a clean clone of this repository, run by a normal user who has sudo, exactly as the
#      README says: `packaging/dev.sh test` (installs the set-up's packages, builds, every
#      test passes), then `packaging/dev.sh run --smoke` (the app comes up offscreen on the
#      sandbox with demo data, lists the demo databases and exits 0).
#      Then, in the same fresh system, `packaging/dev.sh package` (the .deb from that build,
#      lintian clean): the package B installs is the one a fresh machine makes.
#   B  the package: `apt-get install ./statescope_*.deb`, then from /usr/bin
#      `statescope-cli --version`, `statescope-cli sandbox start --demo` (as root) and
#      `statescope --smoke` (as a normal user, which also finds the installed user guide),
#      the bash completion loaded by bash; `apt-get remove` must leave no sandbox
#      server running.
#
# Usage (as root): packaging/fresh-check.sh [DEB]   (B installs DEB when given, else A's package)
# Exit status: 0 passed, 1 failed, 3 this machine cannot make a root filesystem (the reason
# is printed). Everything runs in a private mount and PID namespace: when the check ends,
# however it ends, every process it started is gone and nothing stays mounted.
#
# Kept between runs under $STATESCOPE_FRESH_CACHE (default /var/cache/statescope-fresh):
# downloaded .debs, the fresh system's compiler cache (ccache/, seeded from the calling
# user's), and the logs of the last run (logs/); each root filesystem is made anew and
# removed afterwards. The clone sits at this checkout's own path, so a warm cache makes the
# build fast; it cannot hide a missing package (the configure step and every header are
# still looked up in the fresh system).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${STATESCOPE_FRESH_CACHE:-/var/cache/statescope-fresh}
work=${STATESCOPE_FRESH_WORK:-/var/tmp/statescope-fresh}
suite=bookworm
builder_uid=1500

say() { printf 'fresh-check: %s\n' "$*"; }
cannot() {
  say "CANNOT RUN: $*"
  exit 3
}

# ---- inside the private namespaces ----------------------------------------------------

mounts=()
unmount_all() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}" 2>/dev/null || true
  done
  mounts=()
}

mount_into() { # mount_into TARGET mount-args...
  local target=$1
  shift
  mount "$@" "$target"
  mounts+=("$target")
}

# A private /dev, /proc and /dev/shm for root filesystem $1 (the server needs shared memory).
mount_system() {
  local r=$1 n
  mount_into "$r/proc" -t proc proc
  mount_into "$r/dev" -t tmpfs -o mode=0755,nosuid devtmp
  for n in null zero full random urandom tty; do
    touch "$r/dev/$n"
    mount_into "$r/dev/$n" --bind "/dev/$n"
  done
  mkdir -p "$r/dev/pts" "$r/dev/shm"
  mount_into "$r/dev/pts" -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts
  ln -sf pts/ptmx "$r/dev/ptmx"
  mount_into "$r/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
  ln -sf /proc/self/fd "$r/dev/fd"
  ln -sf /proc/self/fd/0 "$r/dev/stdin"
  ln -sf /proc/self/fd/1 "$r/dev/stdout"
  ln -sf /proc/self/fd/2 "$r/dev/stderr"
}

# The mirror this machine's apt uses, so the check reaches Debian the same way.
host_mirror() {
  local uri
  uri=$(grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' |
    grep -v -- '-security' | head -n 1)
  [ -n "$uri" ] || uri=$(grep -hsE "^deb[[:space:]]+[^ ]+[[:space:]]+$suite[[:space:]]" \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | head -n 1)
  printf '%s' "$uri"
}

make_rootfs() { # make_rootfs DIR LOG
  local r=$1 log=$2 f
  mkdir -p "$cache/debootstrap" "$cache/apt"
  say "debootstrap --variant=minbase $suite into $r"
  debootstrap --variant=minbase --cache-dir="$cache/debootstrap" "$suite" "$r" "$(host_mirror)" \
    >"$log" 2>&1 || { tail -n 30 "$log"; return 1; }
  # The same sources (and how apt reaches them) as this machine, nothing else of its set-up.
  cp /etc/apt/sources.list.d/*.sources "$r/etc/apt/sources.list.d/" 2>/dev/null || true
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$r/etc/apt/sources.list"
  for f in /etc/apt/apt.conf.d/*; do
    grep -qs 'Acquire::' "$f" && cp "$f" "$r/etc/apt/apt.conf.d/"
  done
  # Packages installed in it must not start services (nothing may hold a mount busy).
  printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
  chmod 755 "$r/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
  mount_system "$r"
  mount_into "$r/var/cache/apt/archives" --bind "$cache/apt"
  chroot "$r" apt-get update -qq >>"$log" 2>&1 || { tail -n 30 "$log"; return 1; }
}

in_root() { # in_root DIR command...   (as root, a login-like environment)
  local r=$1
  shift
  chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"
}

as_user() { # as_user DIR USER command-string
  local r=$1 user=$2
  shift 2
  chroot "$r" /usr/sbin/runuser -l "$user" -c "$*"
}

add_user() { # add_user DIR NAME [sudo]
  local r=$1 name=$2
  in_root "$r" useradd --create-home --uid "$builder_uid" --shell /bin/bash "$name"
  if [ "${3:-}" = sudo ]; then
    in_root "$r" apt-get install -y -qq --no-install-recommends sudo >/dev/null
    printf '%s ALL=(ALL) NOPASSWD: ALL\n' "$name" >"$r/etc/sudoers.d/$name"
    chmod 440 "$r/etc/sudoers.d/$name"
  fi
}

# Postmasters of Statescope sandboxes running in root filesystem $1.
sandbox_servers() {
  local r=$1 proc exe dir
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$r" ] || continue
    exe=$(tr '\0' '\n' <"$proc/cmdline" 2>/dev/null | head -n 1) || continue
    case "$exe" in */postgres) ;; *) continue ;; esac
    dir=$(readlink "$proc/cwd" 2>/dev/null) || continue
    [ -f "$dir/statescope.conf" ] && echo "${proc#/proc/} $dir"
  done
}

# The GUI audit's screenshots (every pane in each look and screen size), kept beside the
# logs for a person to look through: $cache/audit-shots.
keep_audit_shots() {
  local shots=$1/build/dev/audit-shots
  [ -d "$shots" ] || return 0
  rm -rf "$cache/audit-shots"
  cp -r "$shots" "$cache/audit-shots"
  say "A: GUI audit screenshots kept in $cache/audit-shots"
}

check_a() {
  local r=$work/a src=$top
  local user=builder
  say "A: a fresh root filesystem, the README's commands as user '$user' (sudo)"
  make_rootfs "$r" "$work/a-debootstrap.log"
  add_user "$r" "$user" sudo
  # A clean clone at this checkout's own path (see the header).
  # Only missing parents are made (mode 755 by the umask); an existing one such as /tmp
  # keeps its own mode.
  (umask 022 && mkdir -p "$r$(dirname "$src")")
  git clone -q --no-hardlinks "$top" "$r$src"
  chown -R "$builder_uid:$builder_uid" "$r$src"
  # The fresh system's compiler cache lives in $cache/ccache, bind-mounted as the user's, so
  # it is written in place and survives a run that is stopped. It is seeded with the calling
  # user's cache (entries it does not have yet). Debian's point releases change headers that
  # every file includes (linux-libc-dev), so a fresh system may not match this machine's: its
  # own cache keeps the next run fast all the same.
  local ccache_src fresh_ccache=$cache/ccache
  mkdir -p "$fresh_ccache" "$r/home/$user/.cache/ccache"
  ccache_src=$(ccache -k cache_dir 2>/dev/null || true)
  if [ -n "$ccache_src" ] && [ -d "$ccache_src" ]; then
    cp -a -n "$ccache_src/." "$fresh_ccache/"
  fi
  # Its statistics count this build only.
  ! command -v ccache >/dev/null || CCACHE_DIR=$fresh_ccache ccache --zero-stats >/dev/null
  chown -R "$builder_uid:$builder_uid" "$fresh_ccache" "$r/home/$user/.cache"
  mount_into "$r/home/$user/.cache/ccache" --bind "$fresh_ccache"
  # ccache hashes the locale variables (they set the language of the compiler's messages): a
  # login shell in the fresh system has none, so without the caller's values not one entry
  # of the seeded cache matched and CI built everything cold. Same values, set or unset.
  local locale_env="unset LANG LC_ALL LC_CTYPE LC_MESSAGES" v
  for v in LANG LC_ALL LC_CTYPE LC_MESSAGES; do
    [ -z "${!v+set}" ] || locale_env+=" && export $v=$(printf '%q' "${!v}")"
  done
  local env="cd '$src' && $locale_env && export CCACHE_COMPILERCHECK=content CCACHE_BASEDIR='$src' CCACHE_NOHASHDIR=1 CCACHE_IGNOREOPTIONS='-DQT_TESTCASE_BUILDDIR=* -DQT_TESTCASE_SOURCEDIR=*' CI=true"
  say "A: packaging/dev.sh test"
  if ! as_user "$r" "$user" "$env && packaging/dev.sh test" >"$work/a-test.log" 2>&1; then
    keep_audit_shots "$r$src"
    # The first failing test's own output (ctest prints it on failure), then the summary.
    grep -v '^\[' "$work/a-test.log" | grep -m 1 -A 40 -E 'Test +#[0-9]+: .*\*\*\*|\(Failed\)' || true
    tail -n 40 "$work/a-test.log"
    say "A: packaging/dev.sh test FAILED (log above)"
    return 1
  fi
  grep -E 'tests passed|tests failed' "$work/a-test.log" | tail -n 1 | sed 's/^/fresh-check: A: /'
  keep_audit_shots "$r$src"
  as_user "$r" "$user" "ccache --show-stats" 2>/dev/null | grep -E '^ *Hits:' | head -n 1 |
    sed 's/^ */fresh-check: A: compiler cache /'
  say "A: packaging/dev.sh run --smoke"
  if ! as_user "$r" "$user" "$env && packaging/dev.sh run --smoke" >"$work/a-run.log" 2>&1; then
    tail -n 40 "$work/a-run.log"
    say "A: packaging/dev.sh run --smoke FAILED (log above)"
    return 1
  fi
  grep '^smoke:' "$work/a-run.log" | sed 's/^/fresh-check: A: /'
  say "A: packaging/dev.sh package"
  if ! as_user "$r" "$user" "$env && packaging/dev.sh package" >"$work/a-package.log" 2>&1; then
    tail -n 40 "$work/a-package.log"
    say "A: packaging/dev.sh package FAILED (log above)"
    return 1
  fi
  local made
  made=$(ls "$r$src"/build/dev/statescope_*.deb 2>/dev/null | head -n 1)
  [ -n "$made" ] || { say "A: packaging/dev.sh package made no .deb"; return 1; }
  cp "$made" "$work/"
  grep '^== built' "$work/a-package.log" | sed 's/^== /fresh-check: A: /'
}

check_b() {
  local deb=$1 r=$work/b user=tester
  say "B: a fresh root filesystem, apt-get install ./$(basename "$deb")"
  make_rootfs "$r" "$work/b-debootstrap.log"
  cp "$deb" "$r/tmp/"
  if ! in_root "$r" apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" \
    >"$work/b-install.log" 2>&1; then
    tail -n 30 "$work/b-install.log"
    say "B: apt-get install FAILED"
    return 1
  fi
  say "B: $(in_root "$r" statescope-cli --version)"
  say "B: $(in_root "$r" statescope --version)"
  local conn
  conn=$(in_root "$r" statescope-cli sandbox start --demo 2>"$work/b-sandbox.log") || {
    cat "$work/b-sandbox.log"
    say "B: statescope-cli sandbox start --demo FAILED"
    return 1
  }
  say "B: statescope-cli sandbox start --demo (as root): $conn"
  in_root "$r" statescope-cli db list --server "$conn" >/dev/null
  add_user "$r" "$user"
  if ! as_user "$r" "$user" "statescope --smoke" >"$work/b-smoke.log" 2>&1; then
    tail -n 40 "$work/b-smoke.log"
    say "B: statescope --smoke as user '$user' FAILED"
    return 1
  fi
  grep '^smoke:' "$work/b-smoke.log" | sed "s/^/fresh-check: B: as user '$user': /"
  # The bash completion the package installs, as bash loads it.
  if ! in_root "$r" bash -c 'source /usr/share/bash-completion/completions/statescope-cli && complete -p statescope-cli' \
    >"$work/b-completion.log" 2>&1; then
    cat "$work/b-completion.log"
    say "B: the bash completion does not load"
    return 1
  fi
  say "B: $(cat "$work/b-completion.log")"
  local before after
  before=$(sandbox_servers "$r" | wc -l)
  in_root "$r" apt-get remove -y -q statescope >"$work/b-remove.log" 2>&1 || {
    cat "$work/b-remove.log"
    return 1
  }
  after=$(sandbox_servers "$r" | wc -l)
  if [ "$after" -ne 0 ]; then
    sandbox_servers "$r"
    say "B: apt-get remove left $after sandbox server(s) running"
    return 1
  fi
  say "B: apt-get remove statescope: $before sandbox server(s) were running, none is left"
}

inner() {
  local deb=$1
  trap unmount_all EXIT
  mount --make-rprivate / 2>/dev/null || true
  # This PID namespace's own /proc: it lists only the processes the check started.
  mount -t proc proc /proc
  check_a
  unmount_all
  if [ -z "$deb" ]; then
    deb=$(ls "$work"/statescope_*.deb | head -n 1)
  fi
  check_b "$deb"
  unmount_all
}

# ---- outside --------------------------------------------------------------------------

remove_work() {
  # The logs outlive the root filesystems, for a look after a failure.
  if compgen -G "$work/*.log" >/dev/null; then
    rm -rf "$cache/logs"
    mkdir -p "$cache/logs"
    cp "$work"/*.log "$cache/logs/"
  fi
  # Never remove through a mount point: the namespaces are gone, but make sure.
  if [ -d "$work" ] && findmnt -rno TARGET | grep -q "^$work"; then
    say "something is still mounted under $work; leaving it in place"
    return
  fi
  rm -rf --one-file-system "$work"
}

main() {
  if [ "${1:-}" = --inner ]; then
    shift
    inner "$@"
    return
  fi
  local deb=${1:-}
  if [ -n "$deb" ]; then
    [ -f "$deb" ] || {
      echo "usage: packaging/fresh-check.sh [DEB]" >&2
      exit 2
    }
    deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
  fi
  [ "$(id -u)" -eq 0 ] || cannot "it needs root (debootstrap, chroot, mount)"
  for tool in debootstrap unshare chroot git findmnt; do
    command -v "$tool" >/dev/null || cannot "$tool is not installed"
  done
  [ -n "$(host_mirror)" ] || cannot "no Debian mirror found in this machine's apt sources"
  local probe
  probe=$(mktemp -d)
  if ! unshare --mount --propagation private mount -t tmpfs probe "$probe" 2>/dev/null; then
    rmdir "$probe"
    cannot "this machine does not allow mounting (proc, dev) in a new mount namespace"
  fi
  rmdir "$probe"
  remove_work
  mkdir -p "$work" "$cache"
  local start=$SECONDS status=0
  unshare --mount --pid --fork --propagation private "$top/packaging/fresh-check.sh" --inner "$deb" || status=$?
  remove_work
  if [ $status -eq 0 ]; then
    say "PASSED in $((SECONDS - start)) s"
  else
    say "FAILED (exit $status) after $((SECONDS - start)) s"
    return 1
  fi
}

main "$@"
