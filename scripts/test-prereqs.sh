#!/usr/bin/env bash
# Services the test suite talks to: a local MariaDB (127.0.0.1:3306, root, empty password), Redis and
# Debian's Chromium for the playground test. Starts or installs what is missing; idempotent.
set -euo pipefail

mariadb_up() { mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }

if ! mariadb_up; then
  echo "[prereqs] starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mariadb_up && break; sleep 1; done
  mariadb_up || { echo "[prereqs] MariaDB did not come up on 127.0.0.1:3306" >&2; exit 1; }
fi

# Redis (127.0.0.1:6379) for the shared result cache's tests.
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
if ! redis_up; then
  echo "[prereqs] starting Redis"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { echo "[prereqs] Redis did not come up on 127.0.0.1:6379" >&2; exit 1; }
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "[prereqs] installing Debian chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# docker-compose validates docker-compose.yml in the tests (no daemon needed for `config`).
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "[prereqs] installing Debian docker-compose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
