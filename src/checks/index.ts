/**
 * The check kinds, by the name a rule's `extends` uses. Each is imported only when a rule
 * of that kind is loaded, so a kind's heavy dependencies never slow down a run without it.
 * Adding a kind: one file in this folder exporting `check: CheckKind`, and one line here.
 */
import type { CheckKind } from '../types.js';

type Loader = () => Promise<{ check: CheckKind }>;

export const checkKinds: Record<string, Loader> = {
  pattern: () => import('./pattern.js'),
  photo: () => import('./photo.js'),
  names: () => import('./names.js'),
  tone: () => import('./tone.js'),
  times: () => import('./times.js'),
  attribution: () => import('./attribution.js'),
  'personal-data': () => import('./personal-data.js'),
  'link-safety': () => import('./link-safety.js'),
  consent: () => import('./consent.js'),
};

export function knownKinds(): string[] {
  return Object.keys(checkKinds).sort();
}
