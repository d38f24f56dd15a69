import type { ChannelKind } from '@tropa/contracts';

/**
 * Channel gazetteer: the touchpoints customers name, with a canonical key,
 * display names and a channel kind. Alias syntax (see alias-pattern.ts):
 * - plain words match by Snowball stem, so inflected forms match
 *   ("в приложении", "инсте", "телеге", "по телефону");
 * - "word*" matches any word starting with `word` ("инстаграм*" → "инстаграмчике");
 * - "=word" matches that exact word only ("=friend": not "friendly");
 * - words of 3 letters or fewer match only as a whole token, or with a closed list of
 *   case endings ("бот" → "ботом"), so "вк" never fires inside "вкусно".
 */
export type { ChannelKind };

export interface GazetteerEntry {
  key: string;
  ru: string;
  en: string;
  kind: ChannelKind;
  aliases: readonly string[];
  /** Folded words that look like an alias but are not one ("почти" is not "почта"). */
  exclude?: readonly string[];
}

const a = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const GAZETTEER: readonly GazetteerEntry[] = [
  { key: 'site', ru: 'Сайт', en: 'Website', kind: 'site', aliases: a('сайт, веб-сайт, вебсайт, интернет-магазин, онлайн-магазин, website, web site, site, web shop, webshop, online shop, online store, landing page, лендинг') },
  { key: 'personal_account', ru: 'Личный кабинет', en: 'Customer account', kind: 'site', aliases: a('личный кабинет, личном кабинете, my account, customer account, personal account, customer portal') },
  { key: 'app', ru: 'Мобильное приложение', en: 'Mobile app', kind: 'app', aliases: a('приложение, приложуха, приложуха*, мобильное приложение, мобилка, app, apps, mobile app, application') },
  { key: 'instagram', ru: 'Instagram', en: 'Instagram', kind: 'social', aliases: a('инстаграм*, инстаграмм*, инста, инсту, инсте, инстой, инсточка, instagram*, insta, ig') },
  { key: 'vk', ru: 'ВКонтакте', en: 'VK', kind: 'social', aliases: a('вконтакте*, вк, vk, vkontakte, группа вк, паблик, паблике') },
  { key: 'facebook', ru: 'Facebook', en: 'Facebook', kind: 'social', aliases: a('фейсбук*, facebook*, fb') },
  { key: 'odnoklassniki', ru: 'Одноклассники', en: 'Odnoklassniki', kind: 'social', aliases: a('одноклассники, одноклассниках, ok.ru') },
  { key: 'telegram', ru: 'Telegram', en: 'Telegram', kind: 'messenger', aliases: a('телеграм*, телеграмм*, телега, тг, telegram*, tg, телеграм-канал, канал в телеграме') },
  { key: 'whatsapp', ru: 'WhatsApp', en: 'WhatsApp', kind: 'messenger', aliases: a('ватсап*, вотсап*, вацап*, whatsapp*, whats app, уотсап*') },
  { key: 'viber', ru: 'Viber', en: 'Viber', kind: 'messenger', aliases: a('вайбер*, viber*') },
  { key: 'email', ru: 'Электронная почта', en: 'E-mail', kind: 'email', aliases: a('почта, электронная почта, емейл, имейл, мейл, e-mail, email, emails, mail, письмо на почту, newsletter, рассылка, e-mail рассылка, inbox'), exclude: ['почти', 'почтение', 'почтенный'] },
  { key: 'sms', ru: 'SMS', en: 'SMS', kind: 'messenger', aliases: a('смс, смс-ка, смска, эсэмэс, sms, text message, text messages') },
  { key: 'push', ru: 'Push-уведомления', en: 'Push notifications', kind: 'app', aliases: a('пуш, пуши, пуш-уведомление, push-уведомление, уведомление, уведомления, push notification, notification, notifications') },
  { key: 'call_centre', ru: 'Колл-центр', en: 'Call centre', kind: 'call_centre', aliases: a('колл-центр, колл центр, коллцентр, call-центр, кол-центр, горячая линия, горячую линию, по телефону, =позвонить, =звонить, звонок, звонки, =дозвониться, =дозвонилась, =дозвонился, =дозвонились, =перезвонить, оператор, операторы, позвонила в поддержку, позвонил в поддержку, позвонила в банк, позвонил в банк, call centre, call center, hotline, helpline, phoned, phone call, phone calls, call them, called them, called support, calling them, on the phone, by phone, over the phone') },
  { key: 'chat', ru: 'Онлайн-чат', en: 'Live chat', kind: 'chat_bot', aliases: a('чат, онлайн-чат, онлайн-консультант, чат поддержки, чат на сайте, live chat, chat, online chat, chat support') },
  { key: 'chat_bot', ru: 'Чат-бот', en: 'Chat bot', kind: 'chat_bot', aliases: a('бот, чат-бот, чатбот, chat bot, chatbot, bot, виртуальный помощник, virtual assistant') },
  { key: 'support', ru: 'Служба поддержки', en: 'Customer support', kind: 'call_centre', aliases: a('поддержка, служба поддержки, техподдержка, саппорт, support, customer support, customer service, helpdesk, help desk') },
  { key: 'store', ru: 'Магазин', en: 'Store', kind: 'store', aliases: a('магазин, салон, офис продаж, офис обслуживания, офис банка, офис компании, шоурум, бутик, торговый центр, тц, store, =shop, =shops, showroom, branch, boutique, mall, in store, in-store') },
  { key: 'pickup_point', ru: 'Пункт выдачи', en: 'Pick-up point', kind: 'store', aliases: a('пункт выдачи, пвз, постамат, пункт самовывоза, самовывоз, pick-up point, pickup point, pick up point, parcel locker, click and collect, collection point') },
  { key: 'courier', ru: 'Курьер', en: 'Courier', kind: 'other', aliases: a('курьер, доставка, курьерская служба, доставщик, courier, delivery, delivery driver, delivery guy') },
  { key: 'reviews', ru: 'Отзывы', en: 'Reviews', kind: 'word_of_mouth', aliases: a('отзыв, отзовик, irecommend, reviews, review, trustpilot, рейтинг, rating, ratings, yandex maps reviews, отзывы на картах') },
  { key: 'search', ru: 'Поиск', en: 'Search', kind: 'search', aliases: a('поиск, поисковик, гугл*, загуглить, загуглила, загуглил, погуглить, погуглила, погуглил, яндекс, google*, googled, search engine, searched online, search') },
  { key: 'ads', ru: 'Реклама', en: 'Ads', kind: 'ads', aliases: a('реклама, рекламу, баннер, таргет, таргетированная реклама, контекстная реклама, билборд, наружная реклама, ad, ads, advert, adverts, advertising, advertisement, banner, billboard, commercial, targeted ad') },
  { key: 'tv', ru: 'Телевидение', en: 'TV', kind: 'ads', aliases: a('телевизор, по телевизору, тв, телек, телеке, tv, television, телереклама') },
  { key: 'word_of_mouth', ru: 'Сарафанное радио', en: 'Word of mouth', kind: 'word_of_mouth', aliases: a('друзья, друзей, подруга, подруги, =знакомые, =знакомых, коллега, коллеги, посоветовали, посоветовала, посоветовал, порекомендовали, по рекомендации, сарафанное радио, родственники, word of mouth, =friend, =friends, colleague, colleagues, recommended by, family member, a friend recommended') },
  { key: 'marketplace', ru: 'Маркетплейс', en: 'Marketplace', kind: 'store', aliases: a('маркетплейс*, озон*, ozon, wildberries*, вайлдберриз*, валдберис*, вайлдбериз*, вб, wb, яндекс маркет, яндекс.маркет, мегамаркет, avito, авито, amazon, ebay, marketplace, marketplaces, aliexpress, алиэкспресс') },
  { key: 'youtube', ru: 'YouTube', en: 'YouTube', kind: 'social', aliases: a('ютуб*, ютьюб*, youtube*, yt') },
  { key: 'tiktok', ru: 'TikTok', en: 'TikTok', kind: 'social', aliases: a('тикток*, тик-ток, тик ток, tiktok*, tik tok') },
  { key: 'blogger', ru: 'Блогер', en: 'Blogger', kind: 'social', aliases: a('блогер, блогерша, блогеры, инфлюенсер, инфлюенсеры, блог, influencer, influencers, blogger, bloggers, blog, vlogger') },
  { key: 'social', ru: 'Соцсети', en: 'Social media', kind: 'social', aliases: a('соцсети, соцсетях, соцсеть, социальные сети, социальных сетях, social media, social network, social networks') },
  { key: 'loyalty_programme', ru: 'Программа лояльности', en: 'Loyalty programme', kind: 'other', aliases: a('программа лояльности, карта лояльности, бонусная карта, дисконтная карта, loyalty program, loyalty programme, loyalty card, rewards program, rewards card') },
  { key: 'payment_terminal', ru: 'Касса', en: 'Checkout', kind: 'store', aliases: a('касса, кассе, кассир, кассу, касса самообслуживания, checkout counter, cashier, self-checkout') },
  { key: 'maps', ru: 'Карты', en: 'Maps', kind: 'search', aliases: a('яндекс карты, яндекс.карты, 2гис, 2gis, google maps, гугл карты, гугл мапс') },
];
