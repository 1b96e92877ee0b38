// Regenerates province-shapes.tsv, the outlines of China's 34 province-level regions for the
// console's map, and the South China Sea islands inset (南海诸岛) drawn beside it.
//
//   cd resources/tools/china-map && (npm ci || npm install) && node convert.mjs
//
// Source: Apache ECharts 4.9.0 (Apache-2.0), npm package "echarts", pinned in package.json:
//   - map/json/china.json: 34 features, GeoJSON whose coordinates use ECharts' "UTF8Encoding"
//     (each ring a string of character pairs: zigzag-encoded deltas from encodeOffsets, scale 1024);
//     decoded here exactly as lib/coord/geo/parseGeoJson.js does;
//   - lib/coord/geo/fix/nanhai.js: the inset's frame and island dashes, placed at lon 126, lat 25
//     with the same arithmetic as that file.
// Then each ring is simplified (Douglas-Peucker, TOLERANCE degrees) and islands smaller than
// MIN_RING_AREA square degrees are dropped (a region's largest ring is always kept), and the
// coordinates are rounded to 0.01° (about 1 km). The runtime never calls any of this: the output
// is a static table reviewed in the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const CHINA = JSON.parse(readFileSync(require.resolve('echarts/map/json/china.json'), 'utf8'));
const AREAS = fileURLToPath(new URL('../../src/main/resources/io/lodestar/resources/region/areas.tsv', import.meta.url));
const OUT = fileURLToPath(new URL('../../src/main/resources/io/lodestar/resources/region/province-shapes.tsv', import.meta.url));

const TOLERANCE = 0.05;
const MIN_RING_AREA = 0.004;
// Small regions keep their detail: a tolerance this fraction of their largest ring's extent.
const SMALL_EXTENT_FRACTION = 0.02;

// ---- ECharts' decoder (parseGeoJson.js decodePolygon), unchanged in substance ----
function decodeRing(text, offsets, scale) {
    const out = [];
    let prevX = offsets[0];
    let prevY = offsets[1];
    for (let i = 0; i < text.length; i += 2) {
        let x = text.charCodeAt(i) - 64;
        let y = text.charCodeAt(i + 1) - 64;
        x = (x >> 1) ^ -(x & 1);
        y = (y >> 1) ^ -(y & 1);
        x += prevX;
        y += prevY;
        prevX = x;
        prevY = y;
        out.push([x / scale, y / scale]);
    }
    return out;
}

function decodeFeature(feature, scale) {
    const g = feature.geometry;
    const rings = [];
    if (g.type === 'Polygon') {
        g.coordinates.forEach((r, i) => rings.push(decodeRing(r, g.encodeOffsets[i], scale)));
    } else if (g.type === 'MultiPolygon') {
        g.coordinates.forEach((poly, i) => poly.forEach((r, j) => rings.push(decodeRing(r, g.encodeOffsets[i][j], scale))));
    } else {
        throw new Error(`${feature.properties.name}: unexpected geometry ${g.type}`);
    }
    return rings;
}

// ---- simplification ----
function area(ring) {
    let s = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    }
    return Math.abs(s / 2);
}

function extent(ring) {
    const xs = ring.map(p => p[0]);
    const ys = ring.map(p => p[1]);
    return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

function segmentDistance(p, a, b) {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = dx * dx + dy * dy;
    let t = len === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function douglasPeucker(points, tol) {
    if (points.length < 3) {
        return points.slice();
    }
    const keep = new Uint8Array(points.length);
    keep[0] = keep[points.length - 1] = 1;
    const stack = [[0, points.length - 1]];
    while (stack.length) {
        const [s, e] = stack.pop();
        let best = -1;
        let bestD = tol;
        for (let i = s + 1; i < e; i++) {
            const d = segmentDistance(points[i], points[s], points[e]);
            if (d > bestD) {
                bestD = d;
                best = i;
            }
        }
        if (best >= 0) {
            keep[best] = 1;
            stack.push([s, best], [best, e]);
        }
    }
    return points.filter((_, i) => keep[i]);
}

function simplifyRing(ring, tol) {
    // split the closed ring at its farthest point from the start so both halves keep their ends
    let far = 0;
    let farD = -1;
    ring.forEach((p, i) => {
        const d = Math.hypot(p[0] - ring[0][0], p[1] - ring[0][1]);
        if (d > farD) {
            farD = d;
            far = i;
        }
    });
    const a = douglasPeucker(ring.slice(0, far + 1), tol);
    const b = douglasPeucker(ring.slice(far).concat([ring[0]]), tol);
    const out = a.concat(b.slice(1, -1));
    return out.map(p => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100])
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
}

function simplifyRegion(rings) {
    const largest = rings.reduce((m, r) => (area(r) > area(m) ? r : m), rings[0]);
    const tol = Math.min(TOLERANCE, extent(largest) * SMALL_EXTENT_FRACTION);
    return rings
        .filter(r => r === largest || area(r) >= MIN_RING_AREA)
        .map(r => (tol < TOLERANCE ? r.map(p => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000])
            : simplifyRing(r, tol)))
        .filter(r => r.length >= 3);
}

// ---- the South China Sea inset, as lib/coord/geo/fix/nanhai.js places it ----
const NANHAI_AT = [126, 25];
const NANHAI = [
    [[0, 3.5], [7, 11.2], [15, 11.9], [30, 7], [42, 0.7], [52, 0.7], [56, 7.7], [59, 0.7], [64, 0.7], [64, 0], [5, 0], [0, 3.5]],
    [[13, 16.1], [19, 14.7], [16, 21.7], [11, 23.1], [13, 16.1]],
    [[12, 32.2], [14, 38.5], [15, 38.5], [13, 32.2], [12, 32.2]],
    [[16, 47.6], [12, 53.2], [13, 53.2], [18, 47.6], [16, 47.6]],
    [[6, 64.4], [8, 70], [9, 70], [8, 64.4], [6, 64.4]],
    [[23, 82.6], [29, 79.8], [30, 79.8], [25, 82.6], [23, 82.6]],
    [[37, 70.7], [43, 62.3], [44, 62.3], [39, 70.7], [37, 70.7]],
    [[48, 51.1], [51, 45.5], [53, 45.5], [50, 51.1], [48, 51.1]],
    [[51, 35], [51, 28.7], [53, 28.7], [53, 35], [51, 35]],
    [[52, 22.4], [55, 17.5], [56, 17.5], [53, 22.4], [52, 22.4]],
    [[58, 12.6], [62, 7], [63, 7], [60, 12.6], [58, 12.6]],
    [[0, 3.5], [0, 93.1], [64, 93.1], [64, 0], [63, 0], [63, 92.4], [1, 92.4], [1, 3.5], [0, 3.5]],
].map(ring => ring.map(([x, y]) => [
    Math.round((x / 10.5 + NANHAI_AT[0]) * 1000) / 1000,
    Math.round((y / (-10.5 / 0.75) + NANHAI_AT[1]) * 1000) / 1000,
]));

// ---- area codes by the catalogue's Chinese names ----
const codeByName = new Map();
for (const line of readFileSync(AREAS, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length >= 5 && !line.startsWith('#') && (f[1] === 'PROVINCE' || f[1] === 'SPECIAL_REGION')) {
        codeByName.set(f[3], f[0]);
    }
}

const scale = CHINA.UTF8Scale ?? 1024;
const rows = [];
for (const feature of CHINA.features) {
    const code = codeByName.get(feature.properties.name);
    if (!code) {
        throw new Error(`no catalogue area named ${feature.properties.name}`);
    }
    rows.push([code, simplifyRegion(decodeFeature(feature, scale))]);
}
const missing = [...codeByName.values()].filter(c => !rows.some(r => r[0] === c));
if (missing.length) {
    throw new Error(`catalogue areas without an outline: ${missing.join(', ')}`);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));

const ringText = ring => ring.map(p => `${p[0]},${p[1]}`).join(' ');
const lines = [
    '# Outlines of China\'s province-level regions for the console map, lon,lat in degrees (WGS-84-like, as published).',
    '# GENERATED by resources/tools/china-map/convert.mjs from Apache ECharts 4.9.0 (Apache-2.0):',
    '# map/json/china.json (decoded, simplified, rounded) and lib/coord/geo/fix/nanhai.js (the inset).',
    `# Douglas-Peucker tolerance ${TOLERANCE} deg, islands under ${MIN_RING_AREA} sq deg dropped. Do not edit by hand.`,
    '# code\trings (|-separated; a ring is space-separated lon,lat; fill rule even-odd)',
];
for (const [code, rings] of rows) {
    lines.push(`${code}\t${rings.map(ringText).join('|')}`);
}
lines.push(`#inset\t${NANHAI.map(ringText).join('|')}`);
writeFileSync(OUT, lines.join('\n') + '\n');
const points = rows.reduce((n, [, rings]) => n + rings.reduce((m, r) => m + r.length, 0), 0);
console.log(`wrote ${rows.length} regions, ${points} points to ${OUT}`);
