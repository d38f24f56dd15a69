import type { DEMO_EN } from './demo.en';

/** Russian UI strings of the demo screens (same keys as English). */
export const DEMO_RU: Record<keyof typeof DEMO_EN, string> = {
  'demo.title': 'Демо-проект',
  'demo.create': 'Создать демо-проект',
  'demo.emptyHint': 'Не знаете, с чего начать? Посмотрите готовый пример: интернет-магазин косметики с ответами на опрос, фокус-группами, интервью, синтезом и картой пути клиента.',
  'demo.creating': 'Создаём демо-проект… Это займёт до минуты.',
  'demo.usersTitle': 'Демо-проект создан',
  'demo.usersIntro': 'Войдите под этими учётными записями, чтобы посмотреть проект глазами каждой роли. Скопируйте пароли сейчас: они показываются только один раз.',
  'demo.noUsers': 'Демо-проект готов.',
  'demo.role': 'Роль',
  'demo.email': 'Эл. почта',
  'demo.password': 'Пароль',
  'demo.copy': 'Копировать',
  'demo.copied': 'Скопировано',
  'demo.copyAll': 'Копировать всё',
  'demo.open': 'Открыть карту пути',
};
