import type { ApiClient } from '../api-client';

/**
 * Open survey answers about an online cosmetics shop, in Russian, on four subjects a
 * synthesis should tell apart: re-ordering a favourite cream (a job), picking orders
 * up on the way home (a job), late couriers (a pain theme), and support in Telegram
 * (a touchpoint the shop's inventory lacks). Deterministic: answer i is always the same.
 */
const SUBJECTS: Array<(i: number) => string> = [
  (i) =>
    `Когда ${['заканчивается мой крем', 'кончается любимая сыворотка', 'заканчивается тональный крем', 'почти пустой тюбик крема'][i % 4]}, хочу быстро заказать такой же заново, чтобы не искать его ${['по всему каталогу', 'снова в поиске', 'каждый раз заново'][i % 3]}.`,
  (i) =>
    `Когда еду ${['с работы', 'домой вечером', 'из спортзала'][i % 3]}, хочу забрать заказ в пункте выдачи рядом с метро, чтобы не ждать курьера ${['дома', 'весь день', 'до ночи'][i % 3]}.`,
  (i) =>
    `Курьер ${['опоздал на два часа', 'опять опоздал', 'приехал с опозданием', 'задержался и не позвонил'][i % 4]}, доставка ${['ужасная', 'очень медленная', 'разочаровала'][i % 3]}, коробка ${['помята', 'порвана', 'мокрая'][i % 3]}.`,
  (i) =>
    `Написала в телеграм ${['в поддержку', 'боту магазина', 'в чат поддержки'][i % 3]}, ответили ${['за пять минут', 'очень быстро', 'сразу'][i % 3]} и помогли ${['с возвратом', 'поменять адрес', 'найти заказ'][i % 3]}.`,
];

export function evidenceAnswer(i: number): string {
  return SUBJECTS[i % SUBJECTS.length](Math.floor(i / SUBJECTS.length));
}

/** A survey with one open question, opened, answered `count` times through the public link. */
export async function surveyWithAnswers(owner: ApiClient, projectId: string, count: number, offset = 0): Promise<{ surveyId: string }> {
  const definition = {
    title: 'Опрос о заказах',
    pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'story', title: 'Расскажите о последнем заказе', isRequired: true }] }],
  };
  const survey = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Опрос о заказах', definition }).expect(201)).body as {
    id: string;
  };
  const opened = (await owner.patch(`/api/projects/${projectId}/surveys/${survey.id}`, { status: 'open' }).expect(200)).body as { publicToken: string };
  for (let i = offset; i < offset + count; i++) {
    await owner
      .post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: `synthesis-respondent-${String(i).padStart(4, '0')}`, answers: { story: evidenceAnswer(i) } })
      .expect(201);
  }
  return { surveyId: survey.id };
}
