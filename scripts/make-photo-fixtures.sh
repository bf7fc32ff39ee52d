#!/bin/sh
# Makes the photo fixtures in test/fixtures/photos/. Run once; the results are committed so the
# tests need neither ExifTool nor heif-enc. Needs: node (sharp), exiftool
# (apt-get install libimage-exiftool-perl) and heif-enc (apt-get install libheif-examples).
# All pictures are synthetic shapes; all names are invented.
set -eu
cd "$(dirname "$0")/.."
OUT=test/fixtures/photos
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
node scripts/make-photo-fixtures.mjs "$TMP"
X="exiftool -q -overwrite_original"

# clean.jpg: pixels only, no metadata at all.
cp "$TMP/base-400x300.jpg" "$OUT/clean.jpg"

# gps.jpg: a phone photo with a GPS position (a made-up point in a residential street).
cp "$TMP/base-400x300.jpg" "$OUT/gps.jpg"
$X -Make=Apple -Model="iPhone 12" -DateTimeOriginal="2024:06:14 10:12:00" \
   -GPSLatitude=51.50722 -GPSLatitudeRef=N -GPSLongitude=0.12750 -GPSLongitudeRef=W "$OUT/gps.jpg"

# gps-school.jpg: GPS inside the sample school's site (tests configure site 52.2000, 0.1200 r=300 m).
cp "$TMP/base-400x300.jpg" "$OUT/gps-school.jpg"
$X -Make=Canon -Model="PowerShot SX740 HS" -SerialNumber=SCH0001 \
   -GPSLatitude=52.20050 -GPSLatitudeRef=N -GPSLongitude=0.12010 -GPSLongitudeRef=E "$OUT/gps-school.jpg"

# gps-zero.jpg: GPS tags present but 0,0 (a phone that had no fix): not a location.
cp "$TMP/base-400x300.jpg" "$OUT/gps-zero.jpg"
$X -GPSLatitude=0 -GPSLatitudeRef=N -GPSLongitude=0 -GPSLongitudeRef=E "$OUT/gps-zero.jpg"

# faces-mwg.jpg: MWG face regions naming two pupils (as Lightroom, digiKam or Picasa write them).
cp "$TMP/base-400x300.jpg" "$OUT/faces-mwg.jpg"
$X '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=400,H=300,Unit=pixel},RegionList=[{Area={X=0.3,Y=0.45,W=0.2,H=0.25,Unit=normalized},Name=Poppy Lindqvist,Type=Face},{Area={X=0.7,Y=0.45,W=0.2,H=0.25,Unit=normalized},Name=Tobias Okafor,Type=Face}]}' \
   '-XMP-iptcExt:PersonInImage=Poppy Lindqvist' "$OUT/faces-mwg.jpg"

# stale-thumb.jpg: a 450x800 crop of a 1200x800 photo that still carries the old 240x160
# thumbnail (and EXIF size) of the uncropped photo, as some editors leave it.
cp "$TMP/crop-450x800.jpg" "$OUT/stale-thumb.jpg"
$X -Make=NIKON -Model="COOLPIX P6000" -ExifImageWidth=1200 -ExifImageHeight=800 "$OUT/stale-thumb.jpg"
$X "-ThumbnailImage<=$TMP/thumb-240x160.jpg" "$OUT/stale-thumb.jpg"

# thumb-ok.jpg: an uncropped photo with its own, matching thumbnail (a trap: must stay quiet).
cp "$TMP/base-1200x800.jpg" "$OUT/thumb-ok.jpg"
$X -Make=NIKON -Model="COOLPIX P6000" -ExifImageWidth=1200 -ExifImageHeight=800 "$OUT/thumb-ok.jpg"
$X "-ThumbnailImage<=$TMP/thumb-240x160.jpg" "$OUT/thumb-ok.jpg"

# copyright.jpg: an outside photographer's name and copyright, in EXIF, IPTC and XMP.
cp "$TMP/base-400x300.jpg" "$OUT/copyright.jpg"
$X '-Artist=Jo Marsh' '-Copyright=© 2024 Marsh Event Photography Ltd' \
   '-IPTC:By-line=Jo Marsh' '-IPTC:CopyrightNotice=© 2024 Marsh Event Photography Ltd' \
   '-XMP-dc:Creator=Jo Marsh' '-XMP-dc:Rights=© 2024 Marsh Event Photography Ltd' "$OUT/copyright.jpg"

# caption-owner.jpg: a caption with a full name, Windows XP tags, a camera owner and serial number.
cp "$TMP/base-400x300.jpg" "$OUT/caption-owner.jpg"
$X '-ImageDescription=Poppy Lindqvist wins the sack race' '-XPComment=Year 4 sports day' \
   '-XPKeywords=sports day;Poppy Lindqvist' '-OwnerName=Mr D Fairbairn' -SerialNumber=0421337 \
   -Make=Canon -Model="EOS 250D" "$OUT/caption-owner.jpg"

# rotated.jpg: landscape pixels with EXIF orientation 6 (clean must turn the pixels).
cp "$TMP/base-rotated.jpg" "$OUT/rotated.jpg"
$X -Orientation#=6 "$OUT/rotated.jpg"

# large.jpg: 2400x1600, bigger than the default 2048 px limit.
cp "$TMP/base-2400x1600.jpg" "$OUT/large.jpg"

# xmp.png: a PNG with an XMP packet (title, description naming a pupil, creator).
cp "$TMP/base.png" "$OUT/xmp.png"
$X '-XMP-dc:Title=Class trip' '-XMP-dc:Description=Tobias Okafor at the museum' \
   '-XMP-dc:Creator=Sam Teacher' "$OUT/xmp.png"

# trailing.png: the 'aCropalypse' shape: a PNG followed by leftover bytes of a bigger image.
head -c 3000 /dev/urandom > "$TMP/junk"
cat "$TMP/base.png" "$TMP/junk" > "$OUT/trailing.png"

# photo.heic: a real HEVC-coded HEIC (heif-enc), with GPS and a camera written by ExifTool.
heif-enc -q 60 -o "$OUT/photo.heic" "$TMP/base-heic.png" >/dev/null
$X -Make=Apple -Model="iPhone 13" -GPSLatitude=51.50722 -GPSLatitudeRef=N \
   -GPSLongitude=0.12750 -GPSLongitudeRef=W "$OUT/photo.heic"

# gps.webp: a WebP with EXIF GPS and an XMP creator.
cp "$TMP/base.webp" "$OUT/gps.webp"
$X -Make=Google -Model="Pixel 7" -GPSLatitude=51.50722 -GPSLatitudeRef=N -GPSLongitude=0.12750 \
   -GPSLongitudeRef=W '-XMP-dc:Creator=Sam Teacher' "$OUT/gps.webp"

# xmp.gif: a GIF with an XMP caption naming a pupil.
cp "$TMP/base.gif" "$OUT/xmp.gif"
$X '-XMP-dc:Description=Poppy Lindqvist on the climbing frame' "$OUT/xmp.gif"

# ai-generated.jpg: marked by IPTC DigitalSourceType as made by a trained algorithm.
cp "$TMP/base-400x300.jpg" "$OUT/ai-generated.jpg"
$X '-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' \
   '-XMP-xmp:CreatorTool=Image Generator 3' "$OUT/ai-generated.jpg"

# Broken files: empty, text, truncated, PNG content named .jpg.
: > "$OUT/empty.jpg"
printf 'This is a note, not a photo.\n' > "$OUT/not-a-photo.jpg"
head -c 1500 "$OUT/gps.jpg" > "$OUT/truncated-gps.jpg"
cp "$TMP/base.png" "$OUT/png-named.jpg"
# junk-before.jpg: 24 bytes of junk before the JPEG start marker (GPS still readable).
( printf 'JUNKJUNKJUNKJUNKJUNKJUNK'; cat "$OUT/gps.jpg" ) > "$OUT/junk-before.jpg"

ls -l "$OUT"
