// Draws the base pictures for test/fixtures/photos (called by make-photo-fixtures.sh).
// Everything is synthetic: coloured shapes drawn with sharp, no real people or places.
import sharp from 'sharp';
const out = process.argv[2];
const svg = (w, h, body) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`);
const scene = (w, h) => svg(w, h, `
  <rect width="${w}" height="${h}" fill="#8fc3e8"/>
  <rect y="${h * 0.65}" width="${w}" height="${h * 0.35}" fill="#5a9e4b"/>
  <circle cx="${w * 0.3}" cy="${h * 0.45}" r="${h * 0.12}" fill="#f2c38b"/>
  <circle cx="${w * 0.7}" cy="${h * 0.45}" r="${h * 0.12}" fill="#e0a878"/>
  <rect x="${w * 0.02}" y="${h * 0.05}" width="${w * 0.12}" height="${h * 0.1}" fill="#d62828"/>
  <text x="${w * 0.05}" y="${h * 0.95}" font-size="${h * 0.06}" fill="#fff">LEFT</text>
  <text x="${w * 0.8}" y="${h * 0.95}" font-size="${h * 0.06}" fill="#fff">RIGHT</text>`);
const jpg = (w, h, file) => sharp(scene(w, h)).jpeg({ quality: 80 }).toFile(`${out}/${file}`);
await jpg(400, 300, 'base-400x300.jpg');
await jpg(1200, 800, 'base-1200x800.jpg');
await jpg(2400, 1600, 'base-2400x1600.jpg');
await sharp(scene(400, 300)).png().toFile(`${out}/base.png`);
// The "uncropped original" and its thumbnail, then the crop that keeps the old thumbnail.
await sharp(scene(1200, 800)).resize(240, 160).jpeg({ quality: 70 }).toFile(`${out}/thumb-240x160.jpg`);
await sharp(scene(1200, 800)).extract({ left: 0, top: 0, width: 450, height: 800 }).jpeg({ quality: 80 }).toFile(`${out}/crop-450x800.jpg`);
// A sideways photo: pixels stored landscape, EXIF orientation 6 says "turn 90° clockwise".
await jpg(400, 300, 'base-rotated.jpg');
// WebP and GIF (exifr cannot read these; smcheck reads their EXIF/XMP blocks itself)
await sharp(scene(320, 240)).webp({ quality: 70 }).toFile(`${out}/base.webp`);
await sharp(scene(160, 120)).gif().toFile(`${out}/base.gif`);
// For the HEIC (encoded by heif-enc, HEVC)
await sharp(scene(320, 240)).png().toFile(`${out}/base-heic.png`);
