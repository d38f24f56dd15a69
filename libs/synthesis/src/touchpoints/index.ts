export { GAZETTEER } from './gazetteer';
export type { GazetteerEntry, ChannelKind } from './gazetteer';
export { AliasMatcher } from './alias-pattern';
export type { AliasMatch, AliasPattern } from './alias-pattern';
export {
  findTouchpointMentions,
  mentionsInQuote,
  indexInventory,
  gazetteerEntry,
  gazetteerKeysOf,
} from './find-mentions';
export type { TouchpointMention, InventoryIndex } from './find-mentions';
export { analyseTouchpoints, MAX_EXAMPLES } from './analyse-touchpoints';
export type {
  TouchpointAnalysis,
  TouchpointAnalysisInput,
  TouchpointMatrix,
  TouchpointRow,
  TouchpointStageCell,
  MissingTouchpoint,
  SilentTouchpoint,
} from './analyse-touchpoints';
