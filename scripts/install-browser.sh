#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/test_web_browser.py).
# Idempotent and quiet: does nothing when it is there; otherwise installs the `chromium` package with apt-get.
# Never downloads a browser any other way. Where it cannot install (not root, no apt-get, no network) it says so
# and exits 0, and the browser tests skip with that reason; set KABAR_REQUIRE_BROWSER=1 (CI) to fail instead.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

give_up() {
  echo "install-browser: $1; the browser tests will be skipped" >&2
  if [ "${KABAR_REQUIRE_BROWSER:-0}" = "1" ]; then
    exit 1
  fi
  exit 0
}

if ! command -v apt-get >/dev/null 2>&1; then
  give_up "$CHROMIUM is absent and there is no apt-get to install Debian's chromium package"
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    give_up "$CHROMIUM is absent and installing it needs root (run: sudo apt-get install chromium)"
  fi
fi

echo "install-browser: installing Debian's chromium package (once; takes a few minutes)" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! $SUDO apt-get update -qq >"$log" 2>&1 || ! $SUDO apt-get install -y -qq chromium >>"$log" 2>&1; then
  tail -n 5 "$log" >&2
  rm -f "$log"
  give_up "apt-get could not install chromium"
fi
rm -f "$log"
if [ ! -x "$CHROMIUM" ]; then
  give_up "the chromium package did not provide $CHROMIUM"
fi
echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
