#!/usr/bin/env bash
# Builds the base image the four service images sit on, as a docker-save tarball, without a
# Docker daemon or a registry: Debian's glibc (the only native library a JDK needs) plus a
# Java runtime cut by jlink from the JDK that builds the project, a non-root user 10001 and /tmp.
# It is "distroless" in spirit: no shell, no package manager, nothing an attacker could use.
#
#   build-base-image.sh <jdk-home> <output.tar>
#
# The result is reproducible for the same JDK and Debian packages: files are sorted, owned by
# root and dated 1970-01-01, so two builds give the same layer digest. Jib reads it through
# `tar://<output.tar>` (see the jib-maven-plugin settings in the root pom.xml).
set -euo pipefail

jdk="${1:?usage: build-base-image.sh <jdk-home> <output.tar>}"
out="${2:?usage: build-base-image.sh <jdk-home> <output.tar>}"

# What a Quarkus service uses of the JDK: the Java SE modules plus the jdk.* ones that Netty,
# the Kafka and PostgreSQL clients, mail encodings, DNS lookups and JFR reach for.
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.management,jdk.management.jfr,jdk.jfr,jdk.security.auth,jdk.security.jgss"
# The Debian packages whose files go in: glibc and the unwinder glibc loads for thread exits.
packages="libc6 libgcc-s1"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs" "$work/debs"

(cd "$work/debs" && apt-get download $packages >/dev/null 2>&1) || {
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq >/dev/null && (cd "$work/debs" && apt-get download $packages >/dev/null)
  else
    echo "apt-get could not download '$packages'; run 'apt-get update' as root first." >&2
    exit 1
  fi
}
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/lintian" "$rootfs/usr/share/locale" "$rootfs/usr/lib/x86_64-linux-gnu/gconv"

"$jdk/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6
java_version="$("$rootfs/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')"

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/deployments"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nembargo:x:10001:10001:Embargo service:/deployments:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nembargo:x:10001:\n' > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf "$work/layer.tar" -C "$rootfs" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
libc_version="$(dpkg-deb -f "$work"/debs/libc6_*.deb Version)"

cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"10001:10001","WorkingDir":"/deployments",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"embargo-base-jre",
   "org.opencontainers.image.description":"glibc ${libc_version} from Debian and a jlink runtime of Java ${java_version}",
   "dev.embargo.java.version":"${java_version}","dev.embargo.libc.version":"${libc_version}"}},
 "rootfs":{"type":"layers","diff_ids":["${diff_id}"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["embargo/base-jre:%s"],"Layers":["layer.tar"]}]\n' \
  "${java_version%%+*}" > "$work/manifest.json"

mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$out.partial" -C "$work" manifest.json config.json layer.tar
mv "$out.partial" "$out"
echo "base image: $out (Java $java_version, glibc $libc_version, $(du -h "$out" | cut -f1))"
