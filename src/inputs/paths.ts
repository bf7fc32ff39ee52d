/** What kind of input a path is, by its extension. */
import path from 'node:path';

export const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.docx']);
export const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.heic', '.heif', '.tif', '.tiff', '.webp', '.avif', '.gif']);

export function isDraftPath(p: string): boolean {
  return DRAFT_EXTENSIONS.has(path.extname(p).toLowerCase());
}

export function isPhotoPath(p: string): boolean {
  return PHOTO_EXTENSIONS.has(path.extname(p).toLowerCase());
}

/** Files smcheck writes itself; never treated as inputs when walking a folder. */
export function isOwnOutput(p: string): boolean {
  return /\.(fixed|clean)\.[a-z0-9]+$/i.test(p);
}
