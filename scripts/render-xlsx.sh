#!/usr/bin/env bash
# Render an XLSX register the way a reader sees it: LibreOffice (headless) prints it to PDF with the
# workbook's own page setup, and poppler turns the first page into a PNG to look at.
# Usage: scripts/render-xlsx.sh REGISTER.xlsx [OUT.png]
# Needs: apt-get install -y libreoffice-calc fonts-noto-cjk poppler-utils
set -euo pipefail

xlsx="${1:?usage: scripts/render-xlsx.sh REGISTER.xlsx [OUT.png]}"
png="${2:-${xlsx%.xlsx}.png}"
[ -f "$xlsx" ] || { echo "找不到文件：$xlsx" >&2; exit 1; }
command -v soffice >/dev/null || { echo "没有安装 LibreOffice：apt-get install -y libreoffice-calc fonts-noto-cjk" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "没有安装 poppler-utils：apt-get install -y poppler-utils" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# a private profile: a second soffice on the same machine would otherwise hand the job to the first one
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$xlsx" >/dev/null 2>&1
pdf="$work/$(basename "${xlsx%.*}").pdf"
[ -f "$pdf" ] || { echo "LibreOffice 没有生成 PDF：$xlsx" >&2; exit 1; }
mkdir -p "$(dirname "$png")"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "${png%.png}"
keep_pdf="${png%.png}.pdf"
cp "$pdf" "$keep_pdf"
echo "$png"
echo "$keep_pdf ($(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') 页)"
