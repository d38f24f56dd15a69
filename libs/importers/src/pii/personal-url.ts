/**
 * When is a URL personal data? A URL is reported when it can point at one person:
 *
 * 1. A profile on a social network or messenger (vk.com, ok.ru, facebook.com, instagram.com,
 *    t.me, wa.me, x.com/twitter.com, linkedin.com, tiktok.com, youtube.com/@…, github.com,
 *    hh.ru/resume, …) with a path whose first segment is not a generic section (feed, help,
 *    explore, search, login, about, policies…).
 * 2. On any site, a path segment that names a person: `id12345`, `@name`, `~name`, or a segment
 *    after `user(s)`, `u`, `profile`, `people`, `member(s)`, `resume`, `account`, `author`,
 *    `in`, `id`.
 * 3. On any site, a query parameter carrying identity (email, phone, user/uid/user_id, login,
 *    name, token, session, auth, key, ref/referral/invite codes), or an e-mail address or a
 *    Russian mobile number (7/8 + 9xx xxx xx xx) anywhere in the URL. Long product or order ids
 *    are not personal.
 *
 * Plain domains ("ozon.ru", "https://www.sberbank.ru/") and ordinary pages ("ozon.ru/category/
 * smartfony") are not personal and are not reported.
 */
const SOCIAL_HOSTS = new Set([
  'vk.com', 'vk.ru', 'ok.ru', 'facebook.com', 'fb.com', 'instagram.com', 't.me', 'telegram.me', 'wa.me',
  'twitter.com', 'x.com', 'linkedin.com', 'tiktok.com', 'youtube.com', 'github.com', 'gitlab.com',
  'threads.net', 'pinterest.com', 'snapchat.com', 'tenchat.ru', 'habr.com', 'livejournal.com',
  'dzen.ru', 'medium.com', 'reddit.com', 'hh.ru', 'career.habr.com', 'behance.net', 'dribbble.com',
]);

const GENERIC_SECTIONS = new Set([
  '', 'feed', 'help', 'explore', 'search', 'login', 'signup', 'register', 'about', 'policies', 'policy',
  'privacy', 'terms', 'legal', 'settings', 'jobs', 'careers', 'blog', 'news', 'home', 'watch', 'results',
  'hashtag', 'tags', 'tag', 'topics', 'pages', 'groups', 'events', 'marketplace', 'share', 'sharer',
  'sharer.php', 'intent', 'features', 'pricing', 'business', 'ads', 'developers', 'apps', 'music',
  'video', 'shorts', 'trending', 'discover', 'support', 'faq', 'catalog', 'vacancy', 'vacancies',
  'search?', 'i', 'r',
]);

const PERSON_SEGMENTS = new Set(['user', 'users', 'u', 'profile', 'profiles', 'people', 'member', 'members', 'resume', 'account', 'author', 'in', 'id', 'channel', 'c']);

const IDENTITY_PARAMS = /^(e-?mail|phone|tel|mobile|msisdn|user(name|_?id)?|uid|login|name|first_?name|last_?name|full_?name|token|access_token|auth|session(_?id)?|sid|key|api_?key|ref|referral|invite|promo_?code)$/i;

export function isPersonalUrl(url: string): boolean {
  const parsed = parseLooseUrl(url);
  if (!parsed) return false;
  const { host, segments, params } = parsed;
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(url) || /(?<!\d)(?:\+?7|8)9\d{9}(?!\d)/.test(url)) return true;
  if ([...params].some((param) => IDENTITY_PARAMS.test(param))) return true;
  if (segments.length === 0) return false;
  const first = segments[0].toLowerCase();
  if (isSocialHost(host) && !GENERIC_SECTIONS.has(first)) return true;
  return segments.some((segment, index) => {
    const lower = segment.toLowerCase();
    if (/^id\d+$/.test(lower) || /^[@~][\p{L}\p{N}._-]+$/u.test(segment)) return true;
    return PERSON_SEGMENTS.has(lower) && index + 1 < segments.length && segments[index + 1].length > 0;
  });
}

function isSocialHost(host: string): boolean {
  const bare = host.replace(/^(www|m|mobile)\./, '');
  return SOCIAL_HOSTS.has(bare) || [...SOCIAL_HOSTS].some((social) => bare.endsWith(`.${social}`) && !bare.startsWith('help.'));
}

function parseLooseUrl(url: string): { host: string; segments: string[]; params: Set<string> } | null {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?/i.exec(url);
  if (!match) return null;
  const host = match[1].toLowerCase().replace(/:\d+$/, '').replace(/^[^@]*@/, '');
  const segments = match[2].split('/').filter((segment) => segment.length > 0).map(safeDecode);
  const params = new Set((match[3] ?? '').split('&').map((pair) => safeDecode(pair.split('=')[0])).filter((name) => name.length > 0));
  return { host, segments, params };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
