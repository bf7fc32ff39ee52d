// Draws the sample school's photos (scenes, not people: no real child is pictured).
// Run by scripts/make-sample-photos.sh, which then writes their metadata with ExifTool.
import sharp from 'sharp';
process.chdir(new URL('../fixtures/drafts/photos/', import.meta.url).pathname);
const scene = (w, h, sky, ground, extra) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#s)"/><rect y="${h*0.6}" width="${w}" height="${h*0.4}" fill="${ground}"/>${extra}</svg>`);
const lanes = Array.from({length: 6}, (_, i) => `<rect x="0" y="${720 + i*70}" width="1600" height="6" fill="#fff"/>`).join('');
const runners = [300, 520, 760].map((x, i) => `<circle cx="${x}" cy="${640 + i*60}" r="40" fill="#f2c6a0"/><rect x="${x-35}" y="${680+i*60}" width="70" height="120" fill="${['#d33','#33d','#3a3'][i]}"/>`).join('');
await sharp(scene(1600, 1200, '#7ab8f5', '#c0563a', lanes + runners)).jpeg({ quality: 82 }).toFile('relay.jpg');
const table = `<rect x="300" y="600" width="1000" height="40" fill="#8b5a2b"/>` + [380,520,660,800,940,1080,1200].map((x,i)=>`<circle cx="${x}" cy="${560 - (i%2)*20}" r="${40 + (i%3)*10}" fill="${['#e67e22','#c0392b','#f1c40f','#27ae60'][i%4]}"/>`).join('');
await sharp(scene(1600, 1200, '#f5deb3', '#6b8e23', table)).jpeg({ quality: 82 }).toFile('harvest-table.jpg');
const garden = `<rect x="200" y="400" width="500" height="350" fill="#b55"/><polygon points="180,400 450,220 720,400" fill="#733"/>` + `<circle cx="1100" cy="640" r="60" fill="#f2c6a0"/><rect x="1050" y="700" width="100" height="180" fill="#e91e63"/>`;
await sharp(scene(2400, 1800, '#87ceeb', '#4caf50', garden.replace(/(\d+)/g, (m) => String(Math.round(Number(m) * 1.5))))).jpeg({ quality: 80 }).toFile('garden.jpg');
