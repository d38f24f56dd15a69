import type { ChannelKind } from '@tropa/contracts';

/**
 * What the demo project is made of: an online cosmetics shop, its touchpoints,
 * personas and the phrases customers use about each stage. The generators in
 * demo-evidence.ts combine these into survey answers and dialogues.
 */

export const DEMO_PROJECT = {
  name: 'Онлайн-магазин косметики (демо)',
  description:
    'Пример проекта Tropa: интернет-магазин косметики «Лепесток» с сайтом, приложением, соцсетями и розничными магазинами. ' +
    'Опрос покупателей, две фокус-группы, два интервью, воронка событий, синтез и черновик карты пути клиента с рекомендациями. ' +
    'Все данные сгенерированы: можно смело менять и удалять.',
} as const;

export interface DemoTouchpoint {
  key: string;
  name: string;
  channel: ChannelKind;
  online: boolean;
  department: string;
  /** Positions of the 7-stage framework. */
  stages: number[];
  aliases: string[];
}

export const DEMO_TOUCHPOINTS: DemoTouchpoint[] = [
  { key: 'site', name: 'Сайт', channel: 'site', online: true, department: 'E-commerce', stages: [1, 2, 3, 4], aliases: ['сайт', 'сайте', 'сайта', 'на сайте'] },
  { key: 'app', name: 'Мобильное приложение', channel: 'app', online: true, department: 'E-commerce', stages: [2, 3, 4, 6], aliases: ['приложение', 'приложении', 'приложения'] },
  { key: 'instagram', name: 'Instagram', channel: 'social', online: true, department: 'Маркетинг', stages: [0, 1], aliases: ['инстаграм', 'инстаграме', 'инсте', 'instagram'] },
  { key: 'vk', name: 'ВКонтакте', channel: 'social', online: true, department: 'Маркетинг', stages: [0, 1], aliases: ['вк', 'вконтакте', 'группе вк', 'vk'] },
  { key: 'telegram', name: 'Telegram-канал', channel: 'messenger', online: true, department: 'Маркетинг', stages: [0, 1, 6], aliases: ['телеграм', 'телеграме', 'телеграм-канал', 'telegram'] },
  { key: 'store', name: 'Розничные магазины', channel: 'store', online: false, department: 'Розница', stages: [2, 3, 4], aliases: ['магазин', 'магазине', 'магазина', 'рознице'] },
  { key: 'bloggers', name: 'Бьюти-блогеры', channel: 'word_of_mouth', online: true, department: 'Маркетинг', stages: [0, 1, 2], aliases: ['блогер', 'блогеры', 'блогерша', 'блогеров', 'блогерши'] },
  { key: 'support', name: 'Чат поддержки', channel: 'chat_bot', online: true, department: 'Служба поддержки', stages: [4, 5], aliases: ['чат поддержки', 'поддержка', 'поддержку', 'поддержки', 'оператор'] },
  { key: 'email', name: 'E-mail-рассылка', channel: 'email', online: true, department: 'CRM-маркетинг', stages: [1, 6], aliases: ['рассылка', 'рассылку', 'письмо', 'письма', 'почту'] },
  { key: 'courier', name: 'Курьерская доставка', channel: 'other', online: false, department: 'Логистика', stages: [4, 5], aliases: ['курьер', 'курьера', 'курьером', 'доставка', 'доставку'] },
  { key: 'pickup', name: 'Пункты выдачи', channel: 'store', online: false, department: 'Логистика', stages: [4, 5], aliases: ['пункт выдачи', 'пункте выдачи', 'пвз', 'постамат'] },
  { key: 'loyalty', name: 'Бонусная программа', channel: 'other', online: true, department: 'CRM-маркетинг', stages: [6], aliases: ['бонусы', 'баллы', 'бонусная карта', 'кешбэк'] },
];

export interface DemoPersona {
  key: 'mama' | 'beauty' | 'student';
  name: string;
  description: string;
  goals: string[];
  attributes: Record<string, string>;
  /** How a respondent describes herself in the survey. */
  selfDescription: string;
  share: number;
}

export const SEGMENT_ATTRIBUTE = 'Сегмент';

export const DEMO_PERSONAS: DemoPersona[] = [
  {
    key: 'mama',
    name: 'Занятая мама',
    description: 'Работает, двое детей, покупает между делом с телефона. Ценит скорость, повтор прошлого заказа и доставку к удобному времени.',
    goals: ['Быстро пополнить привычный уход', 'Не тратить время на поездки по магазинам', 'Получить заказ, когда дома'],
    attributes: { [SEGMENT_ATTRIBUTE]: 'Занятая мама', Возраст: '32–42', Доход: 'средний', 'Главный канал': 'мобильное приложение' },
    selfDescription: 'Работаю, растут дети — времени на себя почти нет',
    share: 0.38,
  },
  {
    key: 'beauty',
    name: 'Бьюти-энтузиастка',
    description: 'Следит за новинками и блогерами, читает составы, любит пробовать. Ждёт экспертизы, честных отзывов и пробников.',
    goals: ['Первой попробовать новинки', 'Подобрать уход под свой тип кожи', 'Найти честные отзывы и составы'],
    attributes: { [SEGMENT_ATTRIBUTE]: 'Бьюти-энтузиастка', Возраст: '22–35', Доход: 'выше среднего', 'Главный канал': 'Instagram и блогеры' },
    selfDescription: 'Обожаю уход и новинки, слежу за блогерами',
    share: 0.34,
  },
  {
    key: 'student',
    name: 'Экономная студентка',
    description: 'Учится и подрабатывает, бюджет ограничен. Сравнивает цены, ловит акции и промокоды, забирает заказы в пункте выдачи.',
    goals: ['Купить хорошее подешевле', 'Не переплачивать за доставку', 'Копить и тратить бонусы'],
    attributes: { [SEGMENT_ATTRIBUTE]: 'Экономная студентка', Возраст: '18–23', Доход: 'ниже среднего', 'Главный канал': 'ВКонтакте и Telegram' },
    selfDescription: 'Учусь, бюджет небольшой — ищу скидки и акции',
    share: 0.28,
  },
];

export interface StagePhrase {
  /** A first-person statement, the core of an answer or a reply. */
  text: string;
  touchpoint?: string;
  /** Marks a key decision moment or an action, for the tags of highlights. */
  kind?: 'decision' | 'action';
}

export interface DemoStageContent {
  name: string;
  pains: StagePhrase[];
  gains: StagePhrase[];
  moderatorQuestions: string[];
  /** Mean satisfaction (1–5) of the stage: the funnel's weak spots score lower. */
  satisfaction: number;
}

export const DEMO_STAGES: DemoStageContent[] = [
  {
    name: 'Осознание',
    satisfaction: 3.9,
    pains: [
      { text: 'реклама в инстаграме показывает одно и то же по десять раз, уже раздражает', touchpoint: 'instagram' },
      { text: 'про магазин я узнала случайно, сами они о себе почти не рассказывают' },
      { text: 'у блогеров всё выглядит как сплошная реклама, непонятно, кому верить', touchpoint: 'bloggers' },
      { text: 'в группе вконтакте одни картинки со скидками и ничего о самом уходе', touchpoint: 'vk' },
      { text: 'таргет предлагал тональник совсем не моего оттенка, мимо', touchpoint: 'instagram' },
      { text: 'название магазина я долго не могла запомнить, путала с другими' },
    ],
    gains: [
      { text: 'подруга посоветовала, и это сработало лучше любой рекламы' },
      { text: 'увидела честный обзор у блогерши и сразу захотела попробовать', touchpoint: 'bloggers', kind: 'action' },
      { text: 'в телеграм-канале пишут по делу, без навязчивости', touchpoint: 'telegram' },
      { text: 'в инстаграме красивые видео с нанесением, сразу понятно, как работает средство', touchpoint: 'instagram' },
      { text: 'во вконтакте был розыгрыш, так я и подписалась', touchpoint: 'vk', kind: 'action' },
    ],
    moderatorQuestions: [
      'Давайте начнём с самого начала. Как вы впервые узнали о магазине?',
      'Где вы обычно замечаете новую косметику или новые магазины?',
      'Какая реклама или рекомендация вас когда-нибудь действительно зацепила?',
    ],
  },
  {
    name: 'Интерес',
    satisfaction: 3.8,
    pains: [
      { text: 'на сайте мало информации о составе, приходится гуглить каждый компонент', touchpoint: 'site' },
      { text: 'рассылка приходит почти каждый день, я от неё просто отписалась', touchpoint: 'email' },
      { text: 'по фото в каталоге непонятно, какой на самом деле цвет помады', touchpoint: 'site' },
      { text: 'хотела спросить про средство в директе, ответили только через два дня', touchpoint: 'instagram' },
      { text: 'в телеграме ссылки ведут на главную страницу, а не на товар', touchpoint: 'telegram' },
      { text: 'отзывы на сайте какие-то одинаковые, похожи на накрученные', touchpoint: 'site' },
    ],
    gains: [
      { text: 'понравились подборки по типу кожи, сразу видно, что подходит мне', touchpoint: 'site' },
      { text: 'в письме был гид по уходу зимой, прочитала от начала до конца', touchpoint: 'email' },
      { text: 'сохранила несколько средств в избранное, чтобы вернуться позже', touchpoint: 'app', kind: 'action' },
      { text: 'видео-обзоры прямо в карточке товара очень помогают', touchpoint: 'site' },
      { text: 'в канале делают разборы составов, это мне интересно', touchpoint: 'telegram' },
    ],
    moderatorQuestions: [
      'Что вы делаете, когда что-то привлекло внимание? Куда идёте дальше?',
      'Где вы ищете подробности о средстве, прежде чем всерьёз задуматься о покупке?',
      'Что вас заинтересовало на сайте или в соцсетях в первый раз?',
    ],
  },
  {
    name: 'Рассмотрение',
    satisfaction: 3.4,
    pains: [
      { text: 'сравнить два крема на сайте невозможно, открываю вкладки и путаюсь', touchpoint: 'site' },
      { text: 'в магазине консультант советует то, что дороже, а не то, что мне подходит', touchpoint: 'store' },
      { text: 'нет пробников, а покупать полноразмер вслепую страшно' },
      { text: 'фильтр по типу кожи в приложении работает странно, выдаёт всё подряд', touchpoint: 'app' },
      { text: 'на маркетплейсе то же самое дешевле, и я начинаю сомневаться' },
      { text: 'непонятно, есть ли товар в наличии в моём магазине, приходится звонить', touchpoint: 'store' },
    ],
    gains: [
      { text: 'в магазине дали попробовать тестер, и я сразу поняла, что это моё', touchpoint: 'store', kind: 'decision' },
      { text: 'подробные отзывы с фото реальных покупательниц помогают выбрать', touchpoint: 'site' },
      { text: 'онлайн-консультация косметолога в приложении реально помогла', touchpoint: 'app' },
      { text: 'сравнила цены и увидела, что у них с бонусами выходит выгоднее', kind: 'action' },
      { text: 'блогерша показала до и после, это убедило больше описания', touchpoint: 'bloggers' },
    ],
    moderatorQuestions: [
      'Как вы выбираете между несколькими похожими средствами?',
      'Что помогает вам понять, что средство подойдёт именно вам?',
      'Бывало ли, что вы долго выбирали и так ничего и не купили? Почему?',
    ],
  },
  {
    name: 'Решение',
    satisfaction: 3.3,
    pains: [
      { text: 'бесплатная доставка только от трёх тысяч, и я начинаю добирать ненужное', kind: 'decision' },
      { text: 'промокод из рассылки не применился, и я закрыла корзину', touchpoint: 'email', kind: 'decision' },
      { text: 'срок доставки показывают только в самом конце оформления', touchpoint: 'site' },
      { text: 'боюсь нарваться на подделку, поэтому долго сомневаюсь' },
      { text: 'цена в приложении и на сайте отличалась, это подозрительно', touchpoint: 'app' },
      { text: 'не нашла условий возврата, если средство не подойдёт', touchpoint: 'site' },
    ],
    gains: [
      { text: 'увидела, что бонусами можно оплатить часть заказа, и решилась', touchpoint: 'loyalty', kind: 'decision' },
      { text: 'акция два по цене одного всё решила', kind: 'decision' },
      { text: 'гарантия оригинальности на сайте меня успокоила', touchpoint: 'site' },
      { text: 'повторить прошлый заказ в приложении можно в один клик', touchpoint: 'app', kind: 'action' },
      { text: 'оператор в чате подтвердил, что средство без отдушек, и я заказала', touchpoint: 'support', kind: 'decision' },
    ],
    moderatorQuestions: [
      'Что окончательно убеждает вас нажать «купить»?',
      'Что вас чаще всего останавливает в последний момент?',
      'Вспомните случай, когда вы бросили корзину. Что произошло?',
    ],
  },
  {
    name: 'Покупка',
    satisfaction: 3.1,
    pains: [
      { text: 'оформление заказа в приложении зависает на оплате, пришлось делать всё заново', touchpoint: 'app' },
      { text: 'заставляют регистрироваться, чтобы просто купить один шампунь', touchpoint: 'site' },
      { text: 'оплата картой не прошла, а деньги списались, я перепугалась' },
      { text: 'нельзя выбрать интервал доставки вечером, а днём я на работе', touchpoint: 'courier' },
      { text: 'в магазине длинная очередь на кассе, ушла без покупки', touchpoint: 'store' },
      { text: 'пункт выдачи, который ближе ко мне, в списке не появляется', touchpoint: 'pickup' },
    ],
    gains: [
      { text: 'оплата через СБП в два касания, очень быстро', touchpoint: 'app' },
      { text: 'заказала онлайн и забрала в магазине через час', touchpoint: 'store', kind: 'action' },
      { text: 'в корзине сразу видно, сколько бонусов начислят', touchpoint: 'site' },
      { text: 'адрес и карта сохранились, оформила заказ за минуту', touchpoint: 'app' },
      { text: 'можно оплатить при получении, для первого раза это важно', kind: 'decision' },
    ],
    moderatorQuestions: [
      'Расскажите, как проходило само оформление заказа.',
      'Что было удобно, а что раздражало при оплате и выборе доставки?',
      'Где вы чаще оформляете заказ: на сайте, в приложении или в магазине? Почему?',
    ],
  },
  {
    name: 'Послепродажное обслуживание',
    satisfaction: 2.8,
    pains: [
      { text: 'курьер опоздал на три часа и даже не позвонил', touchpoint: 'courier' },
      { text: 'в чате поддержки бот ходит по кругу, до живого оператора не достучаться', touchpoint: 'support' },
      { text: 'флакон пришёл протёкшим, а возврат оформляли две недели', touchpoint: 'support' },
      { text: 'статус заказа неделю не менялся, я не понимала, где посылка', touchpoint: 'app' },
      { text: 'в пункте выдачи заказ долго искали, а потом сказали, что его нет', touchpoint: 'pickup' },
      { text: 'положили не тот оттенок, и пришлось самой ехать менять', touchpoint: 'store' },
    ],
    gains: [
      { text: 'оператор в чате сразу оформил замену и извинился', touchpoint: 'support' },
      { text: 'курьер приехал минута в минуту и был очень вежлив', touchpoint: 'courier' },
      { text: 'в посылку положили пробники, было приятно', kind: 'action' },
      { text: 'пуш о том, что заказ в пункте выдачи, пришёл вовремя', touchpoint: 'app' },
      { text: 'упаковано аккуратно, ничего не помялось и не протекло' },
    ],
    moderatorQuestions: [
      'Что происходило после того, как вы оплатили заказ?',
      'Приходилось ли вам обращаться в поддержку? Как это было?',
      'Расскажите про доставку: что запомнилось?',
    ],
  },
  {
    name: 'Лояльность',
    satisfaction: 3.6,
    pains: [
      { text: 'бонусы сгорают через месяц, я даже не успеваю их потратить', touchpoint: 'loyalty' },
      { text: 'после покупки меня просто завалили рассылками', touchpoint: 'email' },
      { text: 'в приложении нет напоминания, что крем заканчивается, и я покупаю в другом месте', touchpoint: 'app' },
      { text: 'постоянным покупателям никаких особых условий, обидно' },
      { text: 'условия бонусной программы поменяли, никого не предупредив', touchpoint: 'loyalty' },
    ],
    gains: [
      { text: 'кешбэк баллами приятный, возвращаюсь ради него', touchpoint: 'loyalty' },
      { text: 'в день рождения подарили скидку и пробник, мелочь, а приятно', touchpoint: 'email' },
      { text: 'уже советовала магазин двум подругам', kind: 'action' },
      { text: 'закрытые распродажи для подписчиков канала мне нравятся', touchpoint: 'telegram' },
      { text: 'приложение помнит мои средства, повторяю заказ раз в месяц', touchpoint: 'app', kind: 'action' },
    ],
    moderatorQuestions: [
      'Что заставляет вас вернуться в магазин снова?',
      'Советовали ли вы магазин кому-нибудь? Что говорили?',
      'Что должно случиться, чтобы вы перестали здесь покупать?',
    ],
  },
];

/** Jobs to be done: the situation, what the customer wants, and what for. */
export interface DemoJob {
  persona: DemoPersona['key'];
  situations: string[];
  motivations: string[];
  outcomes: string[];
}

export const DEMO_JOBS: DemoJob[] = [
  {
    persona: 'mama',
    situations: [
      'когда вечером после работы и уроков с детьми наконец есть пять минут',
      'когда заканчивается привычный крем, а до магазина не дойти',
      'когда дети уснули и я листаю телефон',
      'когда собираюсь в отпуск с семьёй и надо всё купить заранее',
    ],
    motivations: [
      'хочу повторить прошлый заказ в пару касаний',
      'хочу заказать всё сразу одним заказом',
      'хочу, чтобы доставили к вечеру, когда я дома',
      'хочу быстро найти проверенный уход без долгого выбора',
    ],
    outcomes: [
      'чтобы не тратить выходные на магазины',
      'чтобы хоть немного времени оставалось на себя',
      'чтобы утром не обнаружить, что всё закончилось',
      'чтобы выглядеть свежей, даже когда не высыпаюсь',
    ],
  },
  {
    persona: 'beauty',
    situations: [
      'когда блогер выкладывает обзор новинки',
      'когда меняется сезон и кожа ведёт себя по-другому',
      'когда выходит новая коллекция любимого бренда',
      'когда готовлюсь к важному событию и хочу идеальный макияж',
    ],
    motivations: [
      'хочу разобраться в составе и сравнить с тем, что уже есть',
      'хочу попробовать пробник, прежде чем брать полный объём',
      'хочу получить совет специалиста под мой тип кожи',
      'хочу первой купить новинку, пока её не разобрали',
    ],
    outcomes: [
      'чтобы подобрать уход, который действительно работает',
      'чтобы не выбрасывать деньги на то, что не подошло',
      'чтобы делиться находками с подписчицами',
      'чтобы чувствовать себя уверенно',
    ],
  },
  {
    persona: 'student',
    situations: [
      'когда приходит стипендия и можно немного себя порадовать',
      'когда в канале объявляют распродажу',
      'когда подруга скидывает промокод',
      'когда заканчивается шампунь, а денег до зарплаты мало',
    ],
    motivations: [
      'хочу найти самое выгодное предложение и не переплатить',
      'хочу потратить накопленные бонусы',
      'хочу забрать заказ в пункте выдачи у общежития',
      'хочу собрать корзину на бесплатную доставку вместе с подругой',
    ],
    outcomes: [
      'чтобы уложиться в бюджет и не отказываться от ухода',
      'чтобы хватило на кафе с друзьями',
      'чтобы пользоваться нормальной косметикой, а не самой дешёвой',
      'чтобы не платить за доставку больше, чем за сам товар',
    ],
  },
];

/** Recommendations the demo's strategist proposes, each for a stage that loses customers. */
export const DEMO_RECOMMENDATIONS: Array<{ stage: number; kpi: 'L' | 'C' | 'P' | 'Q'; text: string; effect: string; impact: number; effort: number }> = [
  {
    stage: 5,
    kpi: 'Q',
    text: 'Дать чату поддержки кнопку «позвать оператора» после второго ответа бота и обещание ответа за 10 минут',
    effect: 'Меньше жалоб на поддержку, выше доля повторных покупок после проблемного заказа',
    impact: 5,
    effort: 2,
  },
  {
    stage: 4,
    kpi: 'C',
    text: 'Починить оплату в приложении и добавить вечерние интервалы курьерской доставки',
    effect: 'Рост конверсии из корзины в оплату на 5–8 п. п.',
    impact: 5,
    effort: 3,
  },
  {
    stage: 3,
    kpi: 'C',
    text: 'Показывать срок и стоимость доставки в карточке товара и проверять промокод до последнего шага',
    effect: 'Меньше брошенных корзин на шаге решения',
    impact: 4,
    effort: 2,
  },
  {
    stage: 2,
    kpi: 'C',
    text: 'Добавить пробники к первым заказам и сравнение средств на сайте',
    effect: 'Больше посетителей переходит от выбора к покупке; выше средний чек за счёт полноразмерных средств',
    impact: 4,
    effort: 3,
  },
  {
    stage: 6,
    kpi: 'Q',
    text: 'Продлить срок жизни бонусов до полугода и напоминать в приложении, когда средство заканчивается',
    effect: 'Рост частоты повторных покупок',
    impact: 3,
    effort: 2,
  },
];

/**
 * The name a researcher would give a job cluster: the motivation (of DEMO_JOBS) that most
 * of its quotes voice and that no other job took, as an imperative ("хочу повторить…" →
 * "Повторить…"); null when no quote voices one.
 */
export function demoJobTitle(quotes: readonly string[], taken: ReadonlySet<string>): string | null {
  const texts = quotes.map((quote) => quote.toLowerCase());
  let best: { title: string; count: number } | null = null;
  for (const motivation of DEMO_JOBS.flatMap((job) => job.motivations)) {
    const want = motivation.replace(/^хочу,?\s+/, '');
    const title = want.startsWith('чтобы ') ? `Добиться, ${want}` : want.charAt(0).toUpperCase() + want.slice(1);
    if (taken.has(title)) continue;
    const count = texts.filter((text) => text.includes(motivation)).length;
    if (count > 0 && (!best || count > best.count)) best = { title, count };
  }
  return best?.title ?? null;
}
