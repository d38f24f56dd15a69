export type {
  EventRowProblem,
  EventRowProblemCode,
  EventsColumnRole,
  EventsFile,
  EventsFileRef,
  EventsFileStage,
  EventsFileTouchpoint,
  ImportedEvent,
  ReadEventsFileOptions,
} from './events-file.types';
export { readEventsFile, MAX_EVENT_PROBLEMS } from './read-events-file';
export { parseEventTimestamp, parseAmount } from './event-values';
export { detectEventsColumns } from './events-columns';
