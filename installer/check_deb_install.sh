#!/usr/bin/env bash
# Install the .deb on this machine (as root) and check it the way IT and packers use it:
#   installer/check_deb_install.sh dist/warehouse-station_<version>_<arch>.deb
# programs on PATH, desktop entry and icon, /var/lib/warehouse-station shared by the group, a
# packer account in that group uses the station, reinstall keeps the data, remove keeps it,
# purge deletes it. Leaves the machine as it found it (package purged, test user deleted).
set -euo pipefail
DEB=$(realpath "$1")
PKG=warehouse-station
DATA=/var/lib/$PKG
USER_=wsci-packer
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }
cleanup() {
  $SUDO dpkg --purge "$PKG" >/dev/null 2>&1 || true
  id "$USER_" >/dev/null 2>&1 && $SUDO userdel -r "$USER_" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null || fail "apt-get install $DEB"
ok "installed with its dependencies (apt-get install ./$(basename "$DEB"))"
[ "$(command -v warehouse-station)" = /usr/bin/warehouse-station ] || fail "CLI on PATH"
warehouse-station --version | grep -q "$(dpkg-deb -f "$DEB" Version)" || fail "--version"
ok "warehouse-station on PATH: $(warehouse-station --version)"
[ -x /usr/bin/warehouse-station-gui ] || fail "window program on PATH"
[ -f /usr/share/applications/$PKG.desktop ] && [ -f /usr/share/icons/hicolor/256x256/apps/$PKG.png ] \
  || fail "desktop entry + icon"
ok "desktop entry and icon"
[ "$(stat -c '%G %a' $DATA)" = "$PKG 2770" ] || fail "data dir: $(stat -c '%U:%G %a' $DATA)"
ok "$DATA: group $PKG, setgid 2770"

warehouse-station --lang en init --station-id CI-DEB-01 >/dev/null || fail "init into $DATA"
[ -f $DATA/station.db ] || fail "station.db in $DATA"
[ "$(stat -c '%G %a' $DATA/station.db)" = "$PKG 660" ] || fail "db mode $(stat -c '%U:%G %a' $DATA/station.db)"
ok "init with no --data-dir writes $DATA/station.db (group $PKG, 0660)"
$SUDO useradd --create-home --groups "$PKG" "$USER_"
runuser -u "$USER_" -- warehouse-station --lang en status | grep -q CI-DEB-01 \
  || fail "a packer account in the group cannot read the station"
runuser -u "$USER_" -- warehouse-station --lang en operator add P900 'Packer 900' >/dev/null \
  || fail "a packer account in the group cannot write the station"
ok "a packer account in group $PKG reads and writes the same station"
[ -d $DATA/logs ] || fail "logs follow the data dir ($DATA/logs)"
ok "logs in $DATA/logs"

sum=$(sha256sum $DATA/station.db | cut -d' ' -f1)
$SUDO dpkg -i "$DEB" >/dev/null || fail "reinstall"
[ "$(sha256sum $DATA/station.db | cut -d' ' -f1)" = "$sum" ] || fail "reinstall changed the data"
ok "reinstall/upgrade keeps the station data"
$SUDO apt-get remove -y -qq "$PKG" >/dev/null || fail "remove"
[ ! -e /opt/$PKG ] && [ ! -e /usr/bin/warehouse-station ] || fail "remove left program files"
[ "$(sha256sum $DATA/station.db | cut -d' ' -f1)" = "$sum" ] || fail "remove touched the data"
ok "remove deletes the program, keeps $DATA"
$SUDO dpkg --purge "$PKG" >/dev/null || fail "purge"
[ ! -e $DATA ] || fail "purge left $DATA"
ok "purge deletes $DATA"
