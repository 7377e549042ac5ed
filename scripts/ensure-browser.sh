#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (Playwright drives it; it never
# downloads a browser of its own).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "browser: installing Debian's chromium"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
