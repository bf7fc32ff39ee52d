#!/usr/bin/env bash
# Makes the sample school's photos in fixtures/drafts/photos/ once; the files are committed,
# so neither the tests nor the demo need ExifTool. Needs: apt-get install libimage-exiftool-perl
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/sample-photos.mjs
cd fixtures/drafts/photos
# relay: taken on a school iPad; a face region naming a pupil (as Apple Photos and Lightroom write it)
exiftool -q -overwrite_original -Make=Apple "-Model=iPad (9th generation)" -Software=17.5 "-DateTimeOriginal=2026:07:10 10:42:05" \
  -XMP-mwg-rs:RegionAppliedToDimensionsW=1600 -XMP-mwg-rs:RegionAppliedToDimensionsH=1200 -XMP-mwg-rs:RegionAppliedToDimensionsUnit=pixel \
  '-XMP-mwg-rs:RegionList=[{Name=Amelia Hughes,Type=Face,Area={X=0.19,Y=0.53,W=0.06,H=0.08,Unit=normalized}}]' relay.jpg
# harvest-table: a school iPad, nothing else
exiftool -q -overwrite_original -Make=Apple "-Model=iPad (9th generation)" "-DateTimeOriginal=2026:10:02 09:15:00" harvest-table.jpg
# garden: sent in by a parent: GPS at a home, the parent's name and copyright, a caption naming a pupil
exiftool -q -overwrite_original -Make=samsung -Model=SM-S921B "-DateTimeOriginal=2026:06:14 16:20:31" \
  -GPSLatitude=52.3071 -GPSLatitudeRef=N -GPSLongitude=0.6237 -GPSLongitudeRef=W -GPSAltitude=61 \
  "-Artist=Sam Reynolds" "-Copyright=(c) Sam Reynolds 2026" "-ImageDescription=Leo in our back garden" -SerialNumber=R5CT40XYZ garden.jpg
