/** Positions: rounding for messages, distances for the school-site test. */

/** Decimal degrees rounded to about 1 km (2 decimals), for messages that must not locate a home. */
export function roundCoord(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2);
}

/** Distance in metres between two points (haversine). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000, rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}
