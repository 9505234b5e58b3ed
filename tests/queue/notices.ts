// Notices written for the queue tests: each a county's plan with its own place, office, numbers and
// dates, so every file has its own bytes, its own document and a known number of tasks.
const PLACES = ['青川县', '白水县', '东林县', '南溪县', '石门县', '北岭县', '清源县', '云和县', '龙泉县', '安平县', '长宁县', '泰和县'];
const TOPICS = [
  { title: '农村人居环境整治工作方案', tasks: ['完成农村户厕改造{n}户。（牵头单位：县农业农村局；配合单位：各乡镇人民政府）', '{m}月底前建成垃圾转运站{k}座。（牵头单位：县住建局）'] },
  { title: '义务教育薄弱环节改善工作方案', tasks: ['改造薄弱学校{k}所，新增学位{n}个。（牵头单位：县教育局；配合单位：县财政局）', '{m}月底前完成校舍安全排查。（牵头单位：县教育局）'] },
  { title: '防汛抗旱工作方案', tasks: ['{m}月底前完成{k}座小型水库除险加固。（牵头单位：县水利局）', '储备防汛物资{n}万元。（牵头单位：县应急管理局；配合单位：县财政局）', '每月开展一次隐患排查。（牵头单位：各乡镇人民政府）'] },
];

export interface WrittenNotice {
  name: string;
  text: string;
  tasks: number;
}

export function notice(i: number): WrittenNotice {
  const place = PLACES[i % PLACES.length];
  const topic = TOPICS[i % TOPICS.length];
  const year = 2019 + (i % 5);
  const fill = (t: string) => t.replace('{n}', String(100 + i * 7)).replace('{k}', String(2 + (i % 9))).replace('{m}', String(3 + (i % 9)));
  const title = `${place}${year}年${topic.title}`;
  const text = [
    `${place}人民政府办公室`, `${place.slice(0, 2)}政办发〔${year}〕${10 + i}号`, `${place}人民政府办公室关于印发${title}的通知`,
    '各乡镇人民政府，县政府各部门：', `现将《${title}》印发给你们，请认真贯彻执行。`, `${place}人民政府办公室`, `${year}年3月${1 + (i % 27)}日`,
    title, '一、重点任务', ...topic.tasks.map((t, k) => `（${'一二三'[k]}）${fill(t)}`), '',
  ].join('\n');
  return { name: `notice-${String(i).padStart(3, '0')}.txt`, text, tasks: topic.tasks.length };
}
