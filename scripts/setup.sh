#!/usr/bin/env bash
# Installs the system packages paparan needs, and only those that are missing:
#   chromium        prints the PDFs (any Chrome/Chromium/Edge works; see --browser)
#   chromium-headless-shell
#                   Chromium without the desktop browser around it: prints the same PDFs,
#                   starts in half the time (installed where apt offers it: Debian 12 and later)
#   fonts-noto-core fonts, so decks look the same on every machine
#   poppler-utils   pdfinfo/pdftotext, used by the tests to read PDFs back
#   libreoffice-impress, libreoffice-writer, libreoffice-math
#                   soffice, used by the tests to open slides.pptx as an office suite
#                   would and to make Word fixtures (paparan itself never needs it);
#                   Impress shows a PowerPoint equation only with its Math component
# On Debian/Ubuntu it installs them with apt-get (as root, or through sudo);
# elsewhere it says what to install and fails only when no browser exists.
set -euo pipefail

# Which of the packages are missing?
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s chromium-headless-shell >/dev/null 2>&1; then
  # Only where apt offers it (not Ubuntu, whose Chromium is a snap); asked again after apt-get update below.
  apt-cache show chromium-headless-shell >/dev/null 2>&1 && missing+=(chromium-headless-shell)
fi
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
fi
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s libreoffice-impress >/dev/null 2>&1 || missing+=(libreoffice-impress)
  dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer)
  dpkg -s libreoffice-math >/dev/null 2>&1 || missing+=(libreoffice-math)
elif ! command -v soffice >/dev/null 2>&1; then
  missing+=(libreoffice)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: system packages already installed."
  exit 0
fi

# Debian/Ubuntu: install what is missing, with one apt-get update.
if command -v apt-get >/dev/null 2>&1; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup: missing ${missing[*]}. As root, run: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  # A fresh machine's package lists were empty before the update: offer the headless shell now if apt has it.
  if [[ " ${missing[*]} " != *" chromium-headless-shell "* ]] && ! dpkg -s chromium-headless-shell >/dev/null 2>&1 \
    && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    missing+=(chromium-headless-shell)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
  exit 0
fi

# Other systems: say what to install; only a missing browser stops the setup.
browser=""
for candidate in "${PUPPETEER_EXECUTABLE_PATH:-}" \
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" \
  "/Applications/Chromium.app/Contents/MacOS/Chromium" \
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge" \
  "$(command -v chromium-browser google-chrome google-chrome-stable 2>/dev/null | head -n 1)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then browser="$candidate"; break; fi
done
if ! command -v chromium >/dev/null 2>&1 && [ -z "$browser" ]; then
  echo "setup: no browser found. Install Google Chrome (https://www.google.com/chrome/)," >&2
  echo "       or pass --browser PATH / set PUPPETEER_EXECUTABLE_PATH." >&2
  exit 1
fi
echo "setup: browser: ${browser:-$(command -v chromium)}"
if ! command -v pdfinfo >/dev/null 2>&1; then
  echo "setup: for the tests, install poppler (macOS: brew install poppler)."
fi
if ! command -v soffice >/dev/null 2>&1; then
  echo "setup: for the tests, install LibreOffice (macOS: brew install --cask libreoffice) and put soffice on the PATH."
fi
