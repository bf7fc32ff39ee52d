/**
 * What smcheck knows about a photo: the normalised result of reading its metadata once.
 * Filled by readPhoto (./index.ts); read by the image checks and by the name and attribution checks.
 */
export interface PhotoMeta {
  /** Path as in ImageRef.path. */
  path: string;
  absPath: string;
  /** File name without folders, e.g. "AmeliaHughes_2.JPG". */
  fileName: string;
  bytes: number;
  /** Detected from the content, not the extension: jpeg, png, heic, heif, avif, tiff, webp, gif. */
  format: string;
  /** True when the extension says something else than the content (a PNG named .jpg). */
  extensionMismatch: boolean;
  /** Stored pixel dimensions (before orientation). */
  width?: number;
  height?: number;
  orientation?: number;
  gps?: { lat: number; lon: number; alt?: number };
  /** GPS tags exist (maybe empty or zero). */
  gpsTagsPresent: boolean;
  make?: string;
  model?: string;
  /** Camera body serial numbers found, with the tag each came from. */
  serials: { tag: string; value: string }[];
  software?: string;
  /** Artist, XMP dc:creator, IPTC By-line, XPAuthor, ... */
  creators: { tag: string; value: string }[];
  copyright: { tag: string; value: string }[];
  /** Camera owner (OwnerName / CameraOwnerName). */
  owners: { tag: string; value: string }[];
  /** Captions, titles, descriptions, user comments, XPComment, XPSubject, XPTitle ... */
  texts: { tag: string; value: string }[];
  keywords: { tag: string; value: string }[];
  /** Names of people in the photo: MWG / MP regions, IPTC PersonInImage, People/ keywords. */
  people: { tag: string; value: string }[];
  /** The size the camera recorded in EXIF (ExifImageWidth/Height), when present. */
  exifSize?: { width: number; height: number };
  /** Embedded EXIF thumbnail, if any. */
  thumbnail?: { width?: number; height?: number; bytes: number };
  /** Bytes after the image's end marker (aCropalypse-style leak), if any. */
  trailingBytes?: number;
  /** Extra embedded images or video: motion photo, depth map, MPF images, XMP GContainer items. */
  embedded: { kind: string; detail?: string }[];
  /** Marked as AI-generated (IPTC DigitalSourceType) or C2PA manifest present. */
  provenance?: { aiGenerated?: boolean; c2pa?: boolean; claimGenerator?: string; creator?: string };
  /**
   * What is damaged, in plain words ("the file is cut short: part of the photo is missing"),
   * when the photo is broken but its metadata could still be read. The image-metadata rule
   * reports it as an error, so a damaged photo never passes.
   */
  damage?: string[];
  /**
   * GPS data is in the file (the raw scan saw it) but no position could be read from it, and
   * the photo is damaged: image-location reports it, as the position may still be readable.
   */
  gpsUnread?: boolean;
  /** Things that were odd but not fatal (e.g. "GPS IFD pointer out of range"). */
  warnings: string[];
}
