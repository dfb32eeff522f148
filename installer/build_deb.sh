#!/usr/bin/env bash
# Debian package for Debian, Ubuntu, UOS, deepin and Kylin, made from the PyInstaller bundle:
#   installer/build_deb.sh [dist/warehouse-station] [dist]
# Installs the bundle under /opt/warehouse-station, the two programs on PATH (/usr/bin), a
# desktop entry and icon, man pages, and keeps the station data in /var/lib/warehouse-station
# (group warehouse-station, setgid: every packer account in the group shares one station).
# Depends and the glibc floor come from the binaries (dpkg-shlibdeps); the result must be
# lintian-clean (tags that a self-contained bundle in /opt cannot avoid are overridden, each
# with its reason, in installer/debian/lintian-overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist/warehouse-station}
OUT=${2:-dist}
PY=${PYTHON:-.venv/bin/python}
[ -x "$DIST/warehouse-station" ] || { echo "error: no bundle in $DIST (build it first)" >&2; exit 1; }
VERSION=$("$PY" -c 'from importlib import metadata; print(metadata.version("warehouse-station"))')
ARCH=$(dpkg --print-architecture)
PKG=warehouse-station
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The tree is built where dpkg-shlibdeps expects a package (debian/<pkg>): libraries found in it
# are the bundle's own and need no dependency.
ROOTFS="$WORK/src/debian/$PKG"
APPDIR="$ROOTFS/opt/$PKG"

mkdir -p "$APPDIR" "$ROOTFS/usr/bin" "$ROOTFS/usr/share/applications" \
  "$ROOTFS/usr/share/icons/hicolor/256x256/apps" "$ROOTFS/usr/share/doc/$PKG" \
  "$ROOTFS/usr/share/man/man1" "$ROOTFS/usr/share/lintian/overrides" "$ROOTFS/usr/share/$PKG" \
  "$ROOTFS/DEBIAN"
cp -a "$DIST/." "$APPDIR/"
# libraries and Python extensions are loaded, not run: 0644 (lintian: shared-library-is-executable)
find "$APPDIR" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
printf '{"data_dir": "/var/lib/%s"}\n' "$PKG" > "$APPDIR/install.json"
ln -s "/opt/$PKG/warehouse-station" "$ROOTFS/usr/bin/warehouse-station"
ln -s "/opt/$PKG/warehouse-station-gui" "$ROOTFS/usr/bin/warehouse-station-gui"
install -m 0644 installer/debian/warehouse-station.desktop "$ROOTFS/usr/share/applications/$PKG.desktop"
# autostart: copied to /etc/xdg/autostart by IT when wanted (README: Install on a station PC)
install -m 0644 installer/debian/warehouse-station.desktop "$ROOTFS/usr/share/$PKG/$PKG-autostart.desktop"
install -m 0644 resources/icons/app.png "$ROOTFS/usr/share/icons/hicolor/256x256/apps/$PKG.png"
install -m 0644 installer/debian/copyright "$ROOTFS/usr/share/doc/$PKG/copyright"
install -m 0644 installer/debian/lintian-overrides "$ROOTFS/usr/share/lintian/overrides/$PKG"
DATE=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Warehouse Station IT <it@warehouse.invalid>  %s\n' \
  "$PKG" "$VERSION" "$VERSION" "$DATE" | gzip -9n > "$ROOTFS/usr/share/doc/$PKG/changelog.gz"
for prog in warehouse-station warehouse-station-gui; do
  sed "s/@PROG@/$prog/g; s/@VERSION@/$VERSION/g" installer/debian/manpage.1 | gzip -9n \
    > "$ROOTFS/usr/share/man/man1/$prog.1.gz"
done
install -m 0755 installer/debian/postinst "$ROOTFS/DEBIAN/postinst"
install -m 0755 installer/debian/postrm "$ROOTFS/DEBIAN/postrm"

# Depends from the binaries: every ELF file in the bundle; libraries the bundle carries itself
# (-l) are not dependencies.
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PKG" "$PKG" > "$WORK/src/debian/control"
mapfile -t elfs < <(find "$APPDIR" -type f \( -name '*.so' -o -name '*.so.*' -o -name 'warehouse-station' \
  -o -name 'warehouse-station-gui' \))
libdirs=()
while IFS= read -r d; do libdirs+=("-l$d"); done < <(find "$APPDIR" -type f -name '*.so*' -printf '%h\n' | sort -u)
# A system package whose library the bundle carries itself (libssl3, libffi8, ...) is not a
# dependency: -x excludes it (found by the bundled file's name). libc6 is never bundled.
mapfile -t bundled < <(find "$APPDIR/_internal" -maxdepth 1 -type f -name '*.so*' -printf '*/%f\n' | sort -u)
excl=()
while IFS= read -r pkg; do
  [ -n "$pkg" ] && [ "$pkg" != "libc6" ] && excl+=("-x$pkg")
done < <(dpkg -S "${bundled[@]}" 2>/dev/null | cut -d: -f1 | tr ',' '\n' | tr -d ' ' | sort -u)
(cd "$WORK/src" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 "${excl[@]}" \
  "${libdirs[@]}" "${elfs[@]/#/-e}") > "$WORK/substvars"
DEPENDS=$(sed -n 's/^shlibs:Depends=//p' "$WORK/substvars")
[ -n "$DEPENDS" ] || { echo "error: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
SIZE=$(du -sk --apparent-size "$ROOTFS" | cut -f1)
cat > "$ROOTFS/DEBIAN/control" <<EOF
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: Warehouse Station IT <it@warehouse.invalid>
Installed-Size: $SIZE
Depends: $DEPENDS
Recommends: fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei
Section: misc
Priority: optional
Homepage: https://warehouse.invalid/station
Description: packing-station app for live-stream promo peaks
 Runs pre-pack batches, prints waybills on thermal label printers, gives a
 verdict for every scan, records carrier handoffs and keeps everything in a
 local SQLite store that syncs to a hub and works offline.
 .
 The self-contained program lives in /opt/warehouse-station; station data
 is kept in /var/lib/warehouse-station, shared by the members of the group
 warehouse-station, and survives upgrades and removal (purge deletes it).
EOF
mkdir -p "$OUT"
DEB="$OUT/${PKG}_${VERSION}_${ARCH}.deb"
find "$ROOTFS" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zgzip --build "$ROOTFS" "$DEB" >/dev/null
echo "built $DEB ($(du -m "$DEB" | cut -f1) MB, installed $((SIZE / 1024)) MB)"
echo "Depends: $DEPENDS"
