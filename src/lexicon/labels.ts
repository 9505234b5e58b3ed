// The label words of responsibility ("牵头单位：", "配合部门：", "责任处室："), one vocabulary for the
// paragraph rule (extractors/units.ts), the people blocks (extractors/people.ts) and the header of a
// task table (src/extract/tables.ts): the same column or line means the same role wherever it stands.

/** The role a label gives every body under it; `default` lets the list's own order or verbs decide. */
export type LabelRole = 'lead' | 'participant' | 'default';

/** First word of a unit label ("牵头单位：", "配合部门：", "牵头县直部门："). */
export const LABEL_WORDS: Readonly<Record<string, LabelRole>> = {
  牵头: 'lead', 主责: 'lead', 主办: 'lead', 责任: 'default', 实施: 'default', 承办: 'default', 落实: 'default',
  配合: 'participant', 参与: 'participant', 协办: 'participant', 协同: 'participant', 协助: 'participant',
  协作: 'participant',
};

/** Words that need a noun after them to be a label: "责任：" or "实施：" alone is not one. */
export const NEEDS_NOUN: readonly string[] = ['责任', '实施', '承办', '落实'];

/** Nouns a label ends in; a department's own plan assigns its 处室/科室/股室 ("牵头处室：基层卫生健康处"). */
export const LABEL_NOUNS = ['单位', '部门', '主体', '处室', '科室', '股室'] as const;
export const LABEL_NOUN = `(?:${LABEL_NOUNS.join('|')})`;

/** A level's directly governed units written between the word and the noun: 牵头县直部门. */
export const DIRECT = '(?:[省市县区]直)';

/** The label words giving one role, as a regex alternation: labelWords('lead') → "牵头|主责|主办". */
export function labelWords(role: LabelRole): string {
  return Object.entries(LABEL_WORDS).filter(([, r]) => r === role).map(([w]) => w).join('|');
}
