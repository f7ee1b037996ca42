#!/usr/bin/env bash
# Builds the root file system every microshop image starts from (Jib puts it under the application's layers,
# on top of an empty `scratch` image): the few Debian libraries a JVM needs, a JRE cut by jlink from the JDK in
# JAVA_HOME, and a non-root user. No registry and no container engine are involved.
#
#   deploy/images/base.sh OUTPUT_DIR
#
# Rebuilt only when this script, the JDK or the Debian packages' versions changed (OUTPUT_DIR/.built records them).
set -euo pipefail

readonly OUTPUT=${1:?usage: deploy/images/base.sh OUTPUT_DIR}
readonly JDK=${JAVA_HOME:?JAVA_HOME must point at a JDK}
# What the JVM loads (libstdc++6: libjvm.so is C++; without it the JVM does not start), the time zones, and the
# files a process expects under /etc (os-release, services, protocols).
readonly PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g base-files netbase tzdata)
# All of Java SE (Spring needs java.desktop for java.beans, java.sql, java.naming, java.management, ...), plus what the
# services and their libraries reach past it: sun.misc.Unsafe (Netty, Kafka), JFR and its management beans for
# profiling, DNS names, zip file systems, PKCS#11, locale data.
readonly MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.localedata,jdk.charsets
readonly USER_ID=10001

versions() {
  sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1
  "$JDK/bin/java" -version 2>&1 | head -n 1
  apt-cache policy "${PACKAGES[@]}" 2>/dev/null | grep -E '^\S|Candidate'
}

if [[ -f $OUTPUT/.built ]] && diff -q <(versions) "$OUTPUT/.built" >/dev/null; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/rootfs"
if ! (cd "$work/debs" && apt-get download "${PACKAGES[@]}" >/dev/null 2>"$work/apt.err"); then
  cat "$work/apt.err" >&2
  echo "Could not download the Debian packages of the base image (${PACKAGES[*]}); run apt-get update and try again." >&2
  exit 1
fi
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$work/rootfs"
done
# Absolute links (/lib64/ld-linux-x86-64.so.2 -> /lib/...) made relative, so that they resolve inside this tree.
find "$work/rootfs" -type l -lname '/*' | while read -r link; do
  ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$work/rootfs$(readlink "$link")")" "$link"
done
# Only what a running JVM reads: no documentation, manuals, lintian or gdb files (licences stay).
find "$work/rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$work/rootfs/usr/share/"{man,info,lintian,gdb} "$work/rootfs/usr/share/zoneinfo/right" \
  "$work/rootfs/usr/lib/x86_64-linux-gnu/gconv"
find "$work/rootfs" -xtype l -delete

"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,de,fr \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$work/rootfs/opt/java" >/dev/null

cat >"$work/rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/usr/sbin/nologin
microshop:x:$USER_ID:$USER_ID:microshop:/app:/usr/sbin/nologin
EOF
cat >"$work/rootfs/etc/group" <<EOF
root:x:0:
microshop:x:$USER_ID:
EOF

rm -rf "$OUTPUT"
mkdir -p "$(dirname "$OUTPUT")"
mv "$work/rootfs" "$OUTPUT"
versions >"$OUTPUT/.built"
