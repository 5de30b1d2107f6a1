#!/usr/bin/env bash
# Docker's health check of Nobat: healthy while readiness answers 200 (UP), that is while the
# application has started, its store answers and its event processors keep up (README, "Health
# and metrics"). Bash's own /dev/tcp, so that the image needs no curl or wget.
set -u
port="${PORT:-8080}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || { echo "readiness: nothing listens on port ${port}"; exit 1; }
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t "${NOBAT_HEALTHCHECK_TIMEOUT:-4}" status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) echo "readiness: ${status%$'\r'}"; exit 1 ;;
esac
