#!/usr/bin/env bash
# Set up everything dejakit needs on a Debian/Ubuntu machine: system packages (fonts, HarfBuzz
# subsetting, poppler, LibreOffice), a virtual environment in .venv with torch's CPU build
# installed first, then dejakit with its test extras. Safe to run again: it installs only what
# is missing, and reinstalls the Python packages only when pyproject.toml changed.
set -euo pipefail

# pip on our machines lists local index folders that may not exist; its warnings about them
# are noise.
pip_quiet() { "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
TORCH_VERSION="2.13.0"

# Debian packages the outputs and the tests need.
#   fonts-noto-cjk         Japanese glyphs for PDF and DOCX->PDF
#   libharfbuzz-subset0    WeasyPrint's fast font subsetter (1 page: 6.3 s -> 0.19 s)
#   libpango*              WeasyPrint's text layout
#   poppler-utils          pdffonts/pdftotext/pdftoppm: the tests read PDFs back
#   libreoffice-writer-nogui  the tests open our DOCX in a real word processor
#   hyphen-de              German hyphenation patterns (LibreOffice, and dejakit's PDFs)
#   libhyphen0             LibreOffice's hyphenator: dejakit reads hyph_de_DE.dic with it (ctypes),
#                          as pyphen (WeasyPrint's own) misreads the German patterns
SYSTEM_PACKAGES=(
  fonts-noto-cjk
  fonts-noto-core
  libharfbuzz-subset0
  libpango-1.0-0
  libpangoft2-1.0-0
  fontconfig
  poppler-utils
  libreoffice-writer-nogui
  hyphen-de
  libhyphen0
  # A real CAT tool for the review-loop tests (XLIFF/TMX round trip in console mode), with a
  # headless Java runtime so no desktop Java is pulled in.
  omegat
  default-jre-headless
  # The web page's browser tests (tests/web/test_browser.py) drive Debian's Chromium through
  # Playwright; Playwright never downloads a browser of its own.
  chromium
  chromium-driver
  # Offline dictionaries for `dejakit glossary suggest` (FreeDict, from JMdict/WaDoku, CC BY-SA):
  # read in place under /usr/share/dictd, never copied into the repository.
  dict-freedict-jpn-deu
  dict-freedict-deu-eng
  dict-freedict-jpn-eng
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
else
  echo "setup: not a Debian/Ubuntu system; install these yourself: ${SYSTEM_PACKAGES[*]}" >&2
fi

if ((${#missing[@]})); then
  if [[ "$(id -u)" == 0 ]]; then
    APT=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    APT=(sudo -n apt-get)
  else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: run as root or with sudo:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${APT[@]}" update -qq
  "${APT[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup: creating $VENV"
  "$PYTHON" -m venv "$VENV"
  pip_quiet "$VENV/bin/python" -m pip install -q --upgrade pip
fi

# torch first, pinned: argostranslate -> stanza asks for an unpinned torch, which would pull a
# multi-GB CUDA build; the CPU wheel of this version lies on our machines' disks.
if ! "$VENV/bin/python" -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '$TORCH_VERSION')" 2>/dev/null; then
  echo "setup: installing torch==$TORCH_VERSION (CPU)"
  pip_quiet "$VENV/bin/python" -m pip install -q "torch==$TORCH_VERSION"
fi

stamp="$VENV/.dejakit-installed"
want="$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: installing dejakit and its test extras into $VENV"
  pip_quiet "$VENV/bin/python" -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi
