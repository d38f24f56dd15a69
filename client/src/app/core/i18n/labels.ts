import type { AuditAction, ChannelKind, Locale, ProjectRole, StageTemplate } from '@tropa/contracts';
import type { MessageKey } from './messages.en';

/** Dictionary keys of the API's enums, typed so a new enum value without a translation fails the build. */
export const labelKeys = {
  role: (role: ProjectRole): MessageKey => `role.${role}`,
  channel: (channel: ChannelKind): MessageKey => `channel.${channel}`,
  language: (language: Locale): MessageKey => `language.${language}`,
  template: (template: StageTemplate): MessageKey => `template.${template}`,
  audit: (action: AuditAction): MessageKey => `audit.action.${action}`,
} as const;
