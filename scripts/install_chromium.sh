#!/usr/bin/env bash
# Debian's chromium and chromium-driver, for the dashboard test (tests/test_dashboard_browser.py), when either is
# missing. apt-get update only if the first try fails (a fresh machine's package lists may be stale); sudo only
# when not root.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
install_chromium() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
}
install_chromium || { $sudo apt-get update && install_chromium; }
