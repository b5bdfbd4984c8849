// Great-circle distance (haversine with R = 6371 km, docs/facts.md#haversine-earth-radius).
import { GREAT_CIRCLE } from './facts/defaults.js';
import type { GeoPoint } from './model.js';

const RADIANS = Math.PI / 180;

export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
    const dLat = (b.lat - a.lat) * RADIANS;
    const dLon = (b.lon - a.lon) * RADIANS;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
    return 2 * GREAT_CIRCLE.earthRadiusKm.value * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** RTT estimate from distance when nothing was measured: max(2 ms, 1.6 × km / 100) (docs/facts.md#rtt-from-distance). */
export function rttFromDistanceMs(km: number): number {
    return Math.max(GREAT_CIRCLE.minRttMs.value, GREAT_CIRCLE.msPerKm.value * km);
}
