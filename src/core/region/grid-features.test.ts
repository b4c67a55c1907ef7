import { describe, expect, it } from 'vitest';
import { readGridFeatures } from './grid-features.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [118.7, 31.9],
      [118.71, 31.9],
      [118.71, 31.91],
      [118.7, 31.9],
    ],
  ],
};
const feature = (properties: unknown, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('reading grid features from GeoJSON', () => {
  it('accepts features with a village code, a grid name, an optional grid code and a polygon', () => {
    const { features, errors } = readGridFeatures(
      collection(
        feature({ villageCode: '320114001001', gridName: '第1网格' }),
        feature(
          { villageCode: 320114001001, gridName: ' 东片 ', gridCode: '320114001001009' },
          { type: 'MultiPolygon', coordinates: [square.coordinates] },
        ),
      ),
    );
    expect(errors).toEqual([]);
    expect(features.map((f) => [f.index, f.villageCode, f.gridName, f.gridCode])).toEqual([
      [0, '320114001001', '第1网格', undefined],
      [1, '320114001001', '东片', '320114001001009'],
    ]);
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(readGridFeatures([]).errors[0]!.message).toMatch(/not a GeoJSON FeatureCollection/);
  });

  it('names each bad feature and what is wrong with it', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [118.7, 31.9],
          [118.71, 31.9],
          [118.71, 31.91],
          [118.7, 31.95],
        ],
      ],
    };
    const { features, errors } = readGridFeatures(
      collection(
        feature({ villageCode: '3201', gridName: 'A' }),
        feature({ villageCode: '320114001001' }),
        feature({ villageCode: '320114001001', gridName: 'B', gridCode: '320115001001001' }),
        feature({ villageCode: '320114001001', gridName: 'C' }, { type: 'Point', coordinates: [118.7, 31.9] }),
        feature({ villageCode: '320114001001', gridName: 'D' }, open),
        feature(
          { villageCode: '320114001001', gridName: 'E' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [218.7, 31.9],
                [118.71, 31.9],
                [118.71, 31.91],
                [218.7, 31.9],
              ],
            ],
          },
        ),
        feature({ villageCode: '320114001001', gridName: 'F' }),
        feature({ villageCode: '320114001001', gridName: 'F' }),
        { type: 'Feature', geometry: square },
      ),
    );
    expect(features.map((f) => f.gridName)).toEqual(['F']);
    expect(errors.map((e) => e.message)).toEqual([
      'feature 0 ("A"): properties.villageCode must be a 12-digit village code, got "3201"',
      'feature 1: properties.gridName must be a text of 1–100 characters, got nothing',
      'feature 2 ("B"): properties.gridCode must be the village code and three digits (320114001001001…), got "320115001001001"',
      'feature 3 ("C"): geometry must be a Polygon or MultiPolygon, got "Point"',
      'feature 4 ("D"): geometry: ring 0 of polygon 0 is not closed (its first and last positions differ)',
      expect.stringMatching(/^feature 5 \("E"\): geometry\.coordinates\.0\.0\.0: /),
      'feature 7 ("F"): repeats feature 6 (320114001001/F)',
      'feature 8: has no properties (needs villageCode and gridName)',
    ]);
  });
});
