/** Small edits to test JPEGs, for tests of damaged metadata. */
/** Sets the GPS IFD pointer of a JPEG's EXIF block far past its end. */
export async function breakGpsPointer(orig: Buffer): Promise<Buffer> {
  const buf = Buffer.from(orig);
  const t = buf.indexOf('Exif\0\0', 0, 'latin1') + 6;
  const le = buf.toString('latin1', t, t + 2) === 'II';
  const u16 = (o: number) => (le ? buf.readUInt16LE(t + o) : buf.readUInt16BE(t + o));
  const ifd0 = le ? buf.readUInt32LE(t + 4) : buf.readUInt32BE(t + 4);
  for (let i = 0; i < u16(ifd0); i++) {
    const e = ifd0 + 2 + i * 12;
    if (u16(e) === 0x8825) {
      if (le) buf.writeUInt32LE(0x00fffff0, t + e + 8);
      else buf.writeUInt32BE(0x00fffff0, t + e + 8);
    }
  }
  return buf;
}
