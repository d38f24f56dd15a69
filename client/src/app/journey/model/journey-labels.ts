import type { FindingStatus, JourneyLane, StrengthLevel } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';

/** Dictionary keys of the map's enums, typed so a value without a translation fails the build. */
export const journeyLabels = {
  lane: (lane: JourneyLane): MessageKey => `journey.lane.${lane}`,
  status: (status: FindingStatus): MessageKey => `journey.status.${status}`,
  strength: (level: StrengthLevel): MessageKey => `journey.strength.${level}`,
} as const;
