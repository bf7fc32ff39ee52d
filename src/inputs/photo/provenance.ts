/**
 * Provenance: marked as AI-generated (IPTC DigitalSourceType, a generator's name as Software,
 * PNG generation settings in tags.ts) or carrying C2PA content credentials (JUMBF boxes).
 */
import type { Layout } from './layout.js';
import type { PhotoMeta } from './meta.js';
import { strings } from './tags.js';

const AI_SOURCE = /trainedAlgorithmicMedia|compositeSynthetic|algorithmicMedia|compositeWithTrainedAlgorithmicMedia/;

export function provenance(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
  const dst = strings(t?.Iptc4xmpExt?.DigitalSourceType).join(' ');
  if (AI_SOURCE.test(dst)) meta.provenance = { ...meta.provenance, aiGenerated: true };
  const sw = `${meta.software ?? ''}`;
  if (/midjourney|dall[·-]?e|stable diffusion|firefly|imagen|novelai/i.test(sw)) meta.provenance = { ...meta.provenance, aiGenerated: true };
  let jumbf: Buffer | undefined = l.c2pa ? Buffer.concat(l.c2pa) : undefined;
  if (!jumbf && (l.format === 'heic' || l.format === 'heif' || l.format === 'avif' || l.format === 'tiff')) {
    const i = buf.indexOf('c2pa');
    if (i >= 0 && buf.indexOf('jumb') >= 0) jumbf = buf.subarray(Math.max(0, i - 64));
  }
  if (!jumbf || jumbf.indexOf('c2pa') < 0) return;
  const p: NonNullable<PhotoMeta['provenance']> = { ...meta.provenance, c2pa: true };
  if (AI_SOURCE.test(jumbf.toString('latin1'))) p.aiGenerated = true;
  const gen = cborTextAfter(jumbf, 'claim_generator');
  if (gen) p.claimGenerator = gen;
  const cw = jumbf.indexOf('stds.schema-org.CreativeWork');
  if (cw >= 0) {
    const author = jumbf.indexOf('author', cw);
    if (author >= 0) {
      const name = cborTextAfter(jumbf.subarray(author), 'name');
      if (name) p.creator = name;
    }
  }
  meta.provenance = p;
}

/** The CBOR text string that follows the CBOR text key `key` in `b`, if any. */
function cborTextAfter(b: Buffer, key: string): string | undefined {
  const k = Buffer.concat([Buffer.from([0x60 + key.length]), Buffer.from(key, 'latin1')]);
  const i = b.indexOf(k);
  if (i < 0) return undefined;
  let p = i + k.length;
  const h = b[p];
  if (h === undefined || h < 0x60 || h > 0x79) return undefined;
  let n = h - 0x60;
  p++;
  if (h === 0x78) { n = b[p]; p++; } else if (h === 0x79) { n = b.readUInt16BE(p); p += 2; }
  if (p + n > b.length || n > 500) return undefined;
  return b.toString('utf8', p, p + n) || undefined;
}
