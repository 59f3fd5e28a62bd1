#!/bin/sh
# Install what smptools needs to build and test on Debian (bookworm or
# later), as root or through sudo.  Safe to run again.
set -e
PKGS="build-essential autoconf automake pkg-config libpng-dev libjpeg-dev
zlib1g-dev liblcms2-dev libcmocka-dev liblcms2-utils libjpeg-turbo-progs
python3 locales mandoc argyll python3-icalendar librsvg2-bin clang
libclang-rt-dev time parallel tidy chromium"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# A comma-decimal locale for the locale test.
if ! locale -a 2>/dev/null | grep -qi '^de_DE.utf8$'; then
	$SUDO sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
	$SUDO locale-gen >/dev/null 2>&1 || true
fi
