/** English UI strings of the privacy screens; merged into EN_MESSAGES. */
export const PRIVACY_EN = {
  'privacy.title': 'Privacy',
  'privacy.erase': 'Erase',
  'privacy.erased': 'Erased',
  'privacy.participant.eraseTitle': 'Erase participant “{name}”?',
  'privacy.participant.eraseConfirm':
    'Everything “{name}” said in this session is replaced by “[erased]”, their quotes and the tags on them are deleted, their contact and persona link are cleared and their name becomes “Erased participant N”. Journey maps are rebuilt without these quotes. An audit entry records the erasure. This cannot be undone.',
  'privacy.participant.erase': 'Erase participant',
  'privacy.participant.erasedToast': 'Participant erased: {utterances} utterances, {quotes} quotes.',
  'privacy.respondent.erase': 'Erase respondent',
  'privacy.respondent.eraseTitle': 'Erase this respondent?',
  'privacy.respondent.eraseConfirm':
    'All answers of this response are deleted, the quotes made from them and their tags are deleted, and the respondent’s key is replaced. The response no longer counts in the summary. Journey maps are rebuilt without these quotes. An audit entry records the erasure. This cannot be undone.',
  'privacy.respondent.erasedNotice': 'This respondent was erased on {date}: their answers are gone.',
  'privacy.respondent.erasedToast': 'Respondent erased: {answers} answers, {quotes} quotes.',
  'privacy.retention.title': 'Data retention',
  'privacy.retention.hint':
    'Survey responses older than this many days are erased every night (answers and quotes; the audit log records how many). Leave empty to keep responses until someone erases them.',
  'privacy.retention.days': 'Keep survey responses for (days)',
  'privacy.retention.off': 'Kept until erased',
  'privacy.retention.invalid': 'Enter a whole number of days from 1 to 3650, or leave empty',
  'privacy.retention.save': 'Save retention',
  'privacy.retention.current': 'Responses older than {days} days are erased every night.',
  'privacy.audit.participant': '{utterances} utterances and {quotes} quotes erased',
  'privacy.audit.respondent': '{answers} answers and {quotes} quotes erased',
  'privacy.audit.retention': '{responses} survey responses older than {days} days erased',
  'audit.action.privacy.erase_participant': 'Participant erased',
  'audit.action.privacy.erase_respondent': 'Respondent erased',
  'audit.action.privacy.retention': 'Old responses erased (retention)',
} as const satisfies Record<string, string>;
