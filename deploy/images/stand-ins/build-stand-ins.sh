#!/usr/bin/env bash
# For a Docker engine that cannot pull from a registry (these build machines): builds local images
# under the names of the official ones the container infrastructure uses (see local-stack's
# InfrastructureContainers), from Debian packages and the distributions the local stack fetched
# from Maven Central. They honour the same contract as the official images for what Embargo uses:
# postgres' POSTGRES_PASSWORD and socket trust, apache/kafka's KAFKA_* variables, Keycloak's kc.sh,
# GreenMail's GREENMAIL_OPTS. For exercising the Testcontainers path only, never for production.
#
#   deploy/images/stand-ins/build-stand-ins.sh <jdk-home> <tools-dir>      (tools-dir: .embargo/test/tools)
set -euo pipefail

jdk="${1:?usage: build-stand-ins.sh <jdk-home> <tools-dir>}"
tools="${2:?usage: build-stand-ins.sh <jdk-home> <tools-dir>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The same names as InfrastructureContainers' defaults.
postgres_image="${EMBARGO_POSTGRES_IMAGE:-postgres:17.6}"
kafka_image="${EMBARGO_KAFKA_IMAGE:-apache/kafka:4.1.0}"
keycloak_image="${EMBARGO_KEYCLOAK_IMAGE:-quay.io/keycloak/keycloak:26.4.0}"
mail_image="${EMBARGO_MAIL_IMAGE:-greenmail/standalone:2.1.5}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! docker image inspect local/debian:bookworm >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >/dev/null
  tar -C "$work/rootfs" -c . | docker import - local/debian:bookworm >/dev/null
  rm -rf "$work/rootfs"
fi

build() { # image, context
  docker build --network=host -q -t "$1" "$2" >/dev/null
  echo "built $1"
}

mkdir -p "$work/postgres" && cp "$here/postgres/"* "$work/postgres/"
build "$postgres_image" "$work/postgres"

mkdir -p "$work/kafka/libs" && cp "$here/kafka/"* "$work/kafka/"
tr ':' '\n' < "$tools/kafka.classpath" | while read -r jar; do [ -n "$jar" ] && cp "$jar" "$work/kafka/libs/"; done
cp -r "$jdk" "$work/kafka/jdk"
build "$kafka_image" "$work/kafka"

mkdir -p "$work/keycloak" && cp "$here/keycloak/"* "$work/keycloak/"
cp -r "$(ls -d "$tools"/keycloak-* | head -n1)" "$work/keycloak/keycloak" && rm -rf "$work/keycloak/keycloak/data"
cp -r "$jdk" "$work/keycloak/jdk"
build "$keycloak_image" "$work/keycloak"

mkdir -p "$work/mail" && cp "$here/mail/"* "$work/mail/"
cp "$(ls "$tools"/greenmail-standalone-*.jar | head -n1)" "$work/mail/greenmail-standalone.jar"
cp -r "$jdk" "$work/mail/jdk"
build "$mail_image" "$work/mail"
