import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { element, xmlDocument } from '../../src/http/open311/xml.js';
import { wellFormed } from './xml-check.js';

describe('the Open311 XML writer', () => {
  it('writes nested elements, repeated list children and empty elements', () => {
    expect(
      xmlDocument('services', [{ service_code: 'a', metadata: false, group: null }], { services: 'service' }),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>a</service_code><metadata>false</metadata><group/></service></services>',
    );
    expect(element('values', [{ key: 1, name: 'x' }], { values: 'value' })).toBe(
      '<values><value><key>1</key><name>x</name></value></values>',
    );
  });

  it('escapes any text into a well-formed document (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const doc = xmlDocument(
          'errors',
          [
            { code: 400, description: a },
            { code: 404, description: b },
          ],
          { errors: 'error' },
        );
        return wellFormed(doc);
      }),
    );
  });
});
