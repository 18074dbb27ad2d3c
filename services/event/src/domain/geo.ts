import type { GeoPoint } from './event.js';

/**
 * "Near me" without a geo index (ADR 0040): FerretDB has none, so an event stores the geohash
 * cells of its venue at every precision 1..MAX_PRECISION (one indexed array field), a radius query
 * asks for the events in the cells covering the circle's bounding box (an equality per cell), and the exact
 * great-circle distance decides in code. One code path for MongoDB and FerretDB.
 */

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
export const MAX_PRECISION = 6;
/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** A query asks for at most this many cells (one query each); the precision is chosen to stay under it (near a pole it cannot: ≤ 18 at precision 1). */
const MAX_CELLS = 16;

export function geohash(point: GeoPoint, precision: number): string {
  let latLo = -90;
  let latHi = 90;
  let lngLo = -180;
  let lngHi = 180;
  let hash = '';
  let bits = 0;
  let value = 0;
  let even = true;
  while (hash.length < precision) {
    if (even) {
      const mid = (lngLo + lngHi) / 2;
      if (point.lng >= mid) {
        value = value * 2 + 1;
        lngLo = mid;
      } else {
        value *= 2;
        lngHi = mid;
      }
    } else {
      const mid = (latLo + latHi) / 2;
      if (point.lat >= mid) {
        value = value * 2 + 1;
        latLo = mid;
      } else {
        value *= 2;
        latHi = mid;
      }
    }
    even = !even;
    bits += 1;
    if (bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}

/** The cells an event is stored under: its venue's geohash at every precision, or none without a location. */
export function geoCellsOf(location: GeoPoint | null | undefined): string[] {
  if (location === null || location === undefined) return [];
  const full = geohash(location, MAX_PRECISION);
  return Array.from({ length: MAX_PRECISION }, (_, index) => full.slice(0, index + 1));
}

const toRad = (degrees: number): number => (degrees * Math.PI) / 180;
const toDeg = (radians: number): number => (radians * 180) / Math.PI;

/** Great-circle distance (haversine), km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Box {
  latMin: number;
  latMax: number;
  /** Longitude intervals inside [-180, 180]: two when the circle crosses the antimeridian. */
  lngRanges: Array<[number, number]>;
}

/** A box holding the whole circle: full longitude when it reaches a pole, split at ±180. */
export function boundingBox(center: GeoPoint, radiusKm: number): Box {
  // A tiny margin: the exact check happens later, a cell too many costs nothing.
  const angular = radiusKm / EARTH_RADIUS_KM + 1e-9;
  const dLat = toDeg(angular);
  const latMin = center.lat - dLat;
  const latMax = center.lat + dLat;
  if (latMin <= -90 || latMax >= 90) return { latMin: Math.max(latMin, -90), latMax: Math.min(latMax, 90), lngRanges: [[-180, 180]] };
  const ratio = Math.sin(angular) / Math.cos(toRad(center.lat));
  if (ratio >= 1) return { latMin, latMax, lngRanges: [[-180, 180]] };
  const dLng = toDeg(Math.asin(ratio)) + 1e-9;
  const lngMin = center.lng - dLng;
  const lngMax = center.lng + dLng;
  if (dLng >= 180) return { latMin, latMax, lngRanges: [[-180, 180]] };
  if (lngMin < -180) return { latMin, latMax, lngRanges: [[lngMin + 360, 180], [-180, lngMax]] };
  if (lngMax > 180) return { latMin, latMax, lngRanges: [[lngMin, 180], [-180, lngMax - 360]] };
  return { latMin, latMax, lngRanges: [[lngMin, lngMax]] };
}

function cellSize(precision: number): { height: number; width: number } {
  const bits = 5 * precision;
  const lngBits = Math.ceil(bits / 2);
  const latBits = Math.floor(bits / 2);
  return { height: 180 / 2 ** latBits, width: 360 / 2 ** lngBits };
}

/** Steps from `min` to `max` one cell at a time, the end included: every cell the interval touches. */
function steps(min: number, max: number, size: number): number[] {
  const values: number[] = [];
  for (let value = min; value < max; value += size) values.push(value);
  values.push(max);
  return values;
}

function cellCount(box: Box, precision: number): number {
  const { height, width } = cellSize(precision);
  const rows = Math.ceil((box.latMax - box.latMin) / height) + 1;
  const columns = box.lngRanges.reduce((sum, [lo, hi]) => sum + Math.ceil((hi - lo) / width) + 1, 0);
  return rows * columns;
}

/** The cells (all of one precision) covering a circle: a superset, never missing an event inside it. */
export function coveringCells(center: GeoPoint, radiusKm: number): string[] {
  const box = boundingBox(center, radiusKm);
  let precision = MAX_PRECISION;
  while (precision > 1 && cellCount(box, precision) > MAX_CELLS) precision -= 1;
  const { height, width } = cellSize(precision);
  const cells = new Set<string>();
  for (const lat of steps(box.latMin, box.latMax, height)) {
    for (const [lo, hi] of box.lngRanges) {
      for (const lng of steps(lo, hi, width)) cells.add(geohash({ lat, lng }, precision));
    }
  }
  return [...cells];
}
