/**
 * Layout: what a container walk finds before exifr runs (offsets, sizes, raw metadata blocks,
 * damage). Every walker in containers/ fills one; nothing here reads tags.
 */

export type Tagged = { tag: string; value: string };

export interface Layout {
  format: string;
  /** Offset where the real file starts (garbage in front of a JPEG). */
  start: number;
  width?: number;
  height?: number;
  /** Start and end of the EXIF block (its TIFF header onwards), when known. */
  tiffStart?: number;
  tiffEnd?: number;
  /** Raw EXIF (TIFF) and XMP blocks for formats exifr cannot read. */
  rawExif?: Buffer;
  rawXmp?: Buffer;
  /** Offset just after the image's end marker (JPEG EOI, PNG IEND, RIFF end). */
  end?: number;
  mpf?: { type: number; size: number; offset: number }[];
  /** Size of the Photoshop thumbnail (APP13 image resource 0x040C), if any. */
  psThumb?: { width: number; height: number };
  mpfBase?: number;
  c2pa?: Buffer[];
  /** XMP packets the walk found (JPEG APP1, PNG iTXt, WebP chunk, GIF extension). */
  xmpBlocks: number;
  /** Start and end of each Photoshop (APP13) block the walk found: IPTC lives there. */
  psBlocks: [number, number][];
  /** Compressed picture data (JPEG scan, PNG IDAT, WebP bitstream): no reader takes metadata from it. */
  pixels: [number, number][];
  damage: string[];
  warnings: string[];
  pngText: Tagged[];
}

/** An empty layout for a file of this format starting at `start`. */
export function newLayout(format: string, start = 0): Layout {
  return { format, start, xmpBlocks: 0, psBlocks: [], pixels: [], damage: [], warnings: [], pngText: [] };
}

/** The identifier that opens an XMP block in a JPEG APP1 segment. */
export const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';

/** An XMP packet that opens its RDF block but never closes it cannot be read (names may hide in it). */
export function checkXmpPacket(x: Buffer, l: Layout): void {
  if (x.indexOf('<rdf:RDF') >= 0 && x.indexOf('</rdf:RDF>') < 0) {
    l.damage.push("the photo's hidden data (XMP) is damaged, so smcheck could not read all of it");
  }
}
