/**
 * Stage lexicon: for each canonical stage of the shipped frameworks (7-stage,
 * 4-stage and the 6-stage "decision journey"), the names a project may give it
 * (RU/EN) and cue words customers use when they talk about that stage.
 * Project stages are matched to keys by name (stemmed), so renamed stages still
 * find their cues; a stage whose name matches no key gets no lexicon cues.
 */
export type StageKey =
  | 'awareness'
  | 'interest'
  | 'consideration'
  | 'decision'
  | 'purchase'
  | 'service'
  | 'loyalty'
  | 'initial_consideration'
  | 'active_evaluation'
  | 'deal'
  | 'experience'
  | 'trigger';

export interface StageLexiconEntry {
  key: StageKey;
  /** Names (RU and EN) a stage of this kind may have; '|'-separated. */
  names: string;
  /** Cue words and phrases; ','-separated, stemmed at load ("=word": exact word). */
  cues: string;
}

const AWARENESS = `узнала, узнал, узнали, впервые, первый раз услышала, услышала, услышал, увидела рекламу, увидел рекламу,
  реклама, рекламу, баннер, наткнулась, наткнулся, случайно, заметила, заметил, подруга рассказала, друг рассказал,
  рассказали, блогер, блогера, у блогера, сарафанное радио, понял что нужно, поняла что нужно, поняла, задумалась,
  задумался, появилась потребность, возникла проблема, столкнулась, heard about, first heard, heard of, saw an ad,
  advert, advertisement, billboard, banner, noticed, came across, stumbled upon, found out about, learned about,
  a friend told, friend mentioned, influencer, blogger, word of mouth, realised i needed, realized i needed,
  first time i saw, never heard`;

const INTEREST = `заинтересовало, заинтересовал, заинтересовалась, интересно стало, захотелось узнать, узнать подробнее,
  подробнее, почитала, почитал, изучила, изучил, изучать, посмотрела сайт, зашла на сайт, зашел на сайт, подписалась,
  подписался, любопытно, листала, полистала, каталог, описание, interested, curious, read about, looked into,
  learn more, find out more, browsed, browsing, followed, subscribed, checked out the site, visited the website,
  catalogue, catalog, description, explore, explored`;

const CONSIDERATION = `сравнивала, сравнивал, сравнить, сравнение, выбирала, выбирал, выбирать, выбор, варианты, вариантов,
  отзывы, отзывов, почитала отзывы, конкуренты, конкурентов, аналоги, аналог, цены, характеристики, обзор, обзоры,
  альтернатива, альтернативы, подбирала, подбирал, взвешивала, плюсы и минусы, рассматривала, рассматривал,
  присматривалась, compared, comparing, compare, comparison, options, alternatives, reviews, read reviews,
  competitors, shortlist, evaluate, evaluating, pros and cons, prices, specs, specifications, considered,
  considering, weighing, choosing between`;

const DECISION = `решила, решил, решились, решилась, решение, выбрала, выбрал, остановилась на, остановился на, убедило,
  убедил, убедила, сомневалась, сомневался, окончательно, склонилась, склонился, решающим, засомневалась, последней каплей,
  решающий, в итоге выбрала, decided, decision, chose, made up my mind, convinced, hesitated, final decision,
  settled on, went with, what tipped, deciding factor, tipped the balance, won me over, persuaded, sealed the deal`;

const PURCHASE = `купила, купил, купили, покупка, покупку, оплатила, оплатил, оплата, оплату, заказала, заказал, заказ,
  оформила, оформил, оформление, корзина, корзину, касса, кассе, на кассе, чек, картой, рассрочка, рассрочку, промокод,
  доставка, доставку, курьер, пункт выдачи, забрала заказ, bought, buy, buying, purchase, purchased, paid, payment,
  pay, checkout, check out, ordered, order, cart, basket, card, installment, instalments, promo code, coupon,
  delivery, courier, pick up point, picked up`;

const SERVICE = `поддержка, поддержку, служба поддержки, гарантия, гарантию, гарантийный, ремонт, возврат, вернуть, обмен,
  обменять, сломался, сломалась, брак, жалоба, претензия, сервис, сервисный центр, оператор, горячая линия,
  пользуюсь, использую, пользоваться, установка, настройка, после покупки, инструкция, обслуживание, консультация,
  support, customer service, warranty, repair, return, returned, refund, exchange, broke, broken, defect, complaint,
  service centre, service center, helpdesk, using it, use it, set up, setup, installation, after buying,
  after the purchase, manual, maintenance, operator, hotline`;

const LOYALTY = `снова, опять, повторно, еще раз, ещё раз, постоянный клиент, постоянная клиентка, всегда покупаю, всегда заказываю,
  порекомендую, советую, рекомендую, рекомендовала, бонусы, баллы, кешбэк, кэшбэк, программа лояльности, карта лояльности,
  подписка, вернусь, останусь, годами, много лет, again, repeat, regular customer, always buy, always order,
  recommend, recommended it, loyalty program, loyalty programme, loyalty card, points, bonus, cashback, come back,
  came back, stick with, stuck with, subscription, renew, renewed, for years, every month`;

const TRIGGER = `напомнили, напоминание, акция, скидка, скидку, распродажа, закончился, закончилась, пора, рассылка пришла,
  пуш, уведомление, черная пятница, reminder, reminded, sale, discount, ran out, promotion, time to renew,
  push notification, notification, black friday, newsletter`;

const INITIAL = `первые варианты, сначала рассматривала, сначала думала, в голове были, знала о, знал о, список брендов,
  first thought of, initially, had in mind, brands i knew, first options, initial list, top of mind`;

const EXPERIENCE = `${SERVICE}, опыт, впечатление, впечатления, пользуюсь каждый день, в использовании, experience,
  impression, day to day, everyday use`;

export const STAGE_LEXICON: readonly StageLexiconEntry[] = [
  { key: 'awareness', names: 'осознание|осознание потребности|знакомство|узнавание|осведомленность|awareness|discovery|need recognition|problem recognition', cues: AWARENESS },
  { key: 'interest', names: 'интерес|заинтересованность|interest', cues: INTEREST },
  { key: 'consideration', names: 'рассмотрение|оценка|сравнение|изучение вариантов|consideration|evaluation|research', cues: CONSIDERATION },
  { key: 'decision', names: 'решение|принятие решения|выбор|decision|choice', cues: DECISION },
  { key: 'purchase', names: 'покупка|оплата|заказ|purchase|buy|checkout|transaction', cues: PURCHASE },
  { key: 'service', names: 'послепродажное обслуживание|обслуживание|сервис|поддержка|использование|service|support|after-sales|after sales|post-purchase|usage|onboarding', cues: SERVICE },
  { key: 'loyalty', names: 'лояльность|повторная покупка|удержание|рекомендация|loyalty|retention|advocacy|repeat purchase|loyalty loop', cues: LOYALTY },
  { key: 'initial_consideration', names: 'первичное рассмотрение|начальное рассмотрение|initial consideration|initial consideration set', cues: `${INITIAL}, ${AWARENESS}` },
  { key: 'active_evaluation', names: 'активная оценка|активное сравнение|активное рассмотрение|active evaluation', cues: `${CONSIDERATION}, ${INTEREST}` },
  { key: 'deal', names: 'сделка|момент покупки|deal|moment of purchase|closure', cues: `${DECISION}, ${PURCHASE}` },
  { key: 'experience', names: 'опыт|опыт использования|experience|postpurchase experience|post-purchase experience', cues: EXPERIENCE },
  { key: 'trigger', names: 'триггер|повод|trigger', cues: TRIGGER },
];
