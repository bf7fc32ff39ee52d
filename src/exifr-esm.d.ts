// exifr's ESM build, imported directly (see src/inputs/photo/exifr.ts): the same API as 'exifr'.
declare module 'exifr/dist/full.esm.mjs' {
  import exifr from 'exifr';
  export default exifr;
}
