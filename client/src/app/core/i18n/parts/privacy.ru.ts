import type { PRIVACY_EN } from './privacy.en';

/** Russian UI strings of the privacy screens (same keys as English). */
export const PRIVACY_RU: Record<keyof typeof PRIVACY_EN, string> = {
  'privacy.title': 'Приватность',
  'privacy.erase': 'Стереть',
  'privacy.erased': 'Стёрт',
  'privacy.participant.eraseTitle': 'Стереть участника «{name}»?',
  'privacy.participant.eraseConfirm':
    'Всё, что «{name}» сказал(а) в этой сессии, заменится на «[удалено]», цитаты и теги на них удалятся, контакт и связь с персоной очистятся, а имя станет «Удалённый участник N». Карты пути пересоберутся без этих цитат. Запись в журнале аудита сохранит факт удаления. Отменить это нельзя.',
  'privacy.participant.erase': 'Стереть участника',
  'privacy.participant.erasedToast': 'Участник стёрт: реплик {utterances}, цитат {quotes}.',
  'privacy.respondent.erase': 'Стереть респондента',
  'privacy.respondent.eraseTitle': 'Стереть этого респондента?',
  'privacy.respondent.eraseConfirm':
    'Все ответы этой анкеты удалятся, цитаты из них и их теги удалятся, ключ респондента заменится. Анкета больше не учитывается в сводке. Карты пути пересоберутся без этих цитат. Запись в журнале аудита сохранит факт удаления. Отменить это нельзя.',
  'privacy.respondent.erasedNotice': 'Респондент стёрт {date}: его ответов больше нет.',
  'privacy.respondent.erasedToast': 'Респондент стёрт: ответов {answers}, цитат {quotes}.',
  'privacy.retention.title': 'Срок хранения данных',
  'privacy.retention.hint':
    'Ответы на опросы старше указанного числа дней стираются каждую ночь (ответы и цитаты; журнал аудита записывает их число). Оставьте пустым, чтобы хранить ответы, пока их не сотрут вручную.',
  'privacy.retention.days': 'Хранить ответы на опросы (дней)',
  'privacy.retention.off': 'Хранятся, пока их не сотрут',
  'privacy.retention.invalid': 'Введите целое число дней от 1 до 3650 или оставьте поле пустым',
  'privacy.retention.save': 'Сохранить срок',
  'privacy.retention.current': 'Ответы старше {days} дн. стираются каждую ночь.',
  'privacy.audit.participant': 'Стёрто реплик: {utterances}, цитат: {quotes}',
  'privacy.audit.respondent': 'Стёрто ответов: {answers}, цитат: {quotes}',
  'privacy.audit.retention': 'Стёрто ответов на опросы старше {days} дн.: {responses}',
  'audit.action.privacy.erase_participant': 'Участник стёрт',
  'audit.action.privacy.erase_respondent': 'Респондент стёрт',
  'audit.action.privacy.retention': 'Старые ответы стёрты (срок хранения)',
};
