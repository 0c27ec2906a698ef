#!/usr/bin/env bash
# What `make test` needs besides Python, checked before any test runs (`make prerequisites`).
# As root on Debian the missing packages are installed with apt-get (as CI does);
# otherwise the script stops at once with one line naming what to install.
set -euo pipefail

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have_package() { dpkg -s "$1" >/dev/null 2>&1; }

have chromium || missing+=(chromium)                       # browser and accessibility tests
have xgettext || missing+=(gettext)                        # the catalogue test runs makemessages
have initdb || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
have redis-server || missing+=(redis-server)               # shared cache and its outage test
have java || missing+=(default-jre-headless)               # the OpenSearch node
have mvn || missing+=(maven)                               # fetches the OpenSearch node from Maven Central
have node || missing+=(nodejs)                             # axe-core and ical.js
have npm || missing+=(npm)
if have dpkg; then
  have_package fonts-noto-core || missing+=(fonts-noto-core)   # Arabic glyphs in screenshots and contrast checks
  have_package fonts-noto-cjk || missing+=(fonts-noto-cjk)     # Chinese glyphs
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && have apt-get; then
  echo "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "make test needs: ${missing[*]} (Debian: sudo apt-get install ${missing[*]})" >&2
exit 1
