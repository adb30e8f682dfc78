#!/usr/bin/env bash
# Installs the Debian 12 packages foicode needs to build, test and run.
# The one place the package list lives. Idempotent: installs only what is missing.
#   tools/setup-debian.sh            build, run and test dependencies
#   tools/setup-debian.sh --samples  also what tools/make-samples.py needs
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config
  # libraries (see README: which library does what)
  libpoppler-cpp-dev          # PDF text layer and page rendering
  libtesseract-dev libleptonica-dev tesseract-ocr-eng  # OCR of scanned pages
  libgmime-3.0-dev            # e-mail (MIME) parsing
  libicu-dev                  # charset conversion and detection, Unicode
  libgumbo-dev                # HTML5 parsing
  libzip-dev libpugixml-dev   # ZIP, DOCX and XLSX
  libgsf-1-dev                # Outlook .msg (OLE2 compound files)
  libytnef0-dev               # winmail.dat (TNEF)
  libmagic-dev                # content sniffing
  libre2-dev                  # rules
  nlohmann-json3-dev          # JSON
  libsqlite3-dev              # the dataset folder's state: text cache, runs, review decisions
  libcpp-httplib-dev          # the review page's local HTTP server
  libpng-dev                  # PDF page images on the review page
  libcsv-dev                  # review verdicts imported from CSV
  libgtest-dev libgmock-dev   # tests
  libbenchmark-dev            # micro-benchmarks: tools/bench
  poppler-utils               # pdftotext, the baseline of tools/bench/scale_bench.py
  clang libclang-rt-14-dev    # fuzz targets (libFuzzer, sanitizer runtimes): tests/fuzz
  python3                     # end-to-end tests drive the binary from Python
  python3-selenium chromium chromium-driver  # the review page tested in a real browser
)
if [[ "${1:-}" == "--samples" ]]; then
  packages+=(python3 python3-reportlab python3-openpyxl python3-docx python3-pil img2pdf
             python3-gi gir1.2-gsf-1 fonts-dejavu-core)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
