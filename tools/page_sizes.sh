#!/bin/bash
# gzip -9 sizes of each kind of page of a built site (`presseschau site <dir>`) and the data file it loads
# (`data/<page>.js`): median and largest. Usage: tools/page_sizes.sh <site dir>
cd "$1"
kind() { # pattern
  for f in $(ls | grep -E "$1"); do
    d=$(grep -o 'src="data[^"]*"' "$f" | head -1 | sed 's/src="//; s/"//')
    h=$(gzip -9c "$f" | wc -c); j=$(gzip -9c "$d" | wc -c)
    echo "$h $j $((h+j))"
  done | sort -n -k3 | awk -v k="$1" '{a[NR]=$0} END {split(a[int((NR+1)/2)],m," "); split(a[NR],x," "); printf "%-28s n=%5d  median page %6d + data %6d = %6d   max page %6d + data %6d = %6d\n", k, NR, m[1], m[2], m[3], x[1], x[2], x[3]}'
}
kind '^(index|library-[0-9]+)\.html$'
kind '^a-.*\.html$'
kind '^(e|names-[0-9]+)\.html$'
kind '^e-.*\.html$'
kind '^s-.*\.html$'
kind '^t(-[0-9]+)?\.html$'
kind '^c-.*\.html$'
for f in data/library.js data/names.js data.js; do echo "$f $(gzip -9c $f | wc -c) gzip"; done
