#!/bin/sh
# Photos for test/checks/consent.test.ts: copies of test/fixtures/photos/clean.jpg (synthetic
# shapes, no real people) whose metadata names pupils of the sample school. Needs exiftool.
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/consent
mkdir -p "$out"
tag() { f="$out/$1"; shift; rm -f "$f"; exiftool -q -o "$f" "$@" test/fixtures/photos/clean.jpg; }
tag tag-listed.jpg '-XMP-iptcExt:PersonInImage=Leo Marsh'
tag tag-no-consent.jpg '-XMP-iptcExt:PersonInImage=Oliver Bennett' '-XMP-iptcExt:PersonInImage=Mrs Green'
tag tag-consent.jpg '-XMP-iptcExt:PersonInImage=Amelia Hughes'
tag caption-leaver.jpg '-EXIF:ImageDescription=Harry Hughes-Owen winning the egg and spoon race'
