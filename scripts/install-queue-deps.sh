#!/usr/bin/env bash
# The real parts of the queue-mode suite (npm run test:queue): PostgreSQL (initdb, pg_ctl, postgres) and Redis
# (redis-server), both from Debian. Installs with apt only what is missing; prints where it found them.
# Output: lines `PG_BIN=<dir>` and `REDIS_SERVER=<path>` on stdout (the suite reads them), progress on stderr.
set -euo pipefail
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
updated=""
apt_install() {
  if [ -z "$updated" ]; then
    $SUDO apt-get update -qq >&2
    updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL: initdb and pg_ctl are not on PATH in Debian's packages (they live in /usr/lib/postgresql/<v>/bin).
find_pg_bin() {
  local candidate
  candidate="$(command -v initdb 2>/dev/null || true)"
  if [ -n "$candidate" ]; then
    candidate="$(dirname "$(readlink -f "$candidate")")"
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then echo "$candidate"; return; fi
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then echo "$candidate"; return; fi
  done
}
pg_bin="$(find_pg_bin)"
if [ -z "$pg_bin" ]; then
  echo "[install-queue-deps] installing Debian's postgresql (about a minute)..." >&2
  apt_install postgresql
  pg_bin="$(find_pg_bin)"
fi
if [ -z "$pg_bin" ]; then
  echo "[install-queue-deps] ERROR: no initdb/pg_ctl/postgres found after installing postgresql" >&2
  exit 1
fi

redis="$(command -v redis-server 2>/dev/null || true)"
if [ -z "$redis" ]; then
  echo "[install-queue-deps] installing Debian's redis-server (about 20 s)..." >&2
  apt_install redis-server
  redis="$(command -v redis-server 2>/dev/null || true)"
fi
if [ -z "$redis" ]; then
  echo "[install-queue-deps] ERROR: redis-server is still missing after apt-get install redis-server" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: the suite then runs it as this user (Debian's package creates `postgres`).
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "[install-queue-deps] creating the system user postgres (PostgreSQL does not run as root)" >&2
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

echo "PG_BIN=$pg_bin"
echo "REDIS_SERVER=$redis"
