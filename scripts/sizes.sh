#!/usr/bin/env bash
# Prints the raw and brotli (quality 11) size of every file of a built site.
set -euo pipefail
dir="${1:-dist}"
total_raw=0
total_br=0
printf '%-48s %10s %10s\n' file raw brotli
while IFS= read -r -d '' file; do
  raw=$(stat -c %s "$file")
  br=$(brotli -c -q 11 "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  printf '%-48s %10d %10d\n' "${file#"$dir"/}" "$raw" "$br"
done < <(find "$dir" -type f ! -name '*.br' ! -name '*.gz' -print0 | sort -z)
printf '%-48s %10d %10d\n' total "$total_raw" "$total_br"
