import { describe, expect, it } from 'vitest';
import { boxOf, CHINA_EXTENT, inBox, inGeometry } from './geo.js';

const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe('points against boundaries', () => {
  const withHole = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
  const two = {
    type: 'MultiPolygon',
    coordinates: [
      [square(0, 0, 1, 1)],
      [
        [
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 5],
        ],
      ],
    ],
  };

  it.each([
    [withHole, 2, 2, true],
    [withHole, 5, 5, false],
    [withHole, 11, 2, false],
    [two, 0.5, 0.5, true],
    [two, 5.9, 5.1, true],
    [two, 5.1, 5.9, false],
    [two, 3, 3, false],
    [{ type: 'Point', coordinates: [1, 1] }, 1, 1, false],
    [null, 1, 1, false],
  ])('%j holds (lng %d, lat %d): %s', (g, lng, lat, inside) => expect(inGeometry({ lat, lng }, g)).toBe(inside));

  it('boxes every vertex of several geometries, and nothing without vertices', () => {
    expect(boxOf([withHole, two])).toEqual({ west: 0, south: 0, east: 10, north: 10 });
    expect(boxOf([{ type: 'Polygon', coordinates: [square(118.76, 31.98, 118.78, 31.994)] }])).toEqual({
      west: 118.76,
      south: 31.98,
      east: 118.78,
      north: 31.994,
    });
    expect(boxOf([])).toBeNull();
    expect(boxOf([{ type: 'LineString', coordinates: [[0, 0]] }])).toBeNull();
  });

  it('keeps Nanjing inside the extent of China and Paris outside', () => {
    expect(inBox({ lat: 32.03, lng: 118.78 }, CHINA_EXTENT)).toBe(true);
    expect(inBox({ lat: 48.86, lng: 2.35 }, CHINA_EXTENT)).toBe(false);
  });
});
