import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Surveys1763900100000 } from './1763900100000-Surveys';
import { BackgroundJobs1763900200000 } from './1763900200000-BackgroundJobs';
import { SurveyImports1763900300000 } from './1763900300000-SurveyImports';
import { Sessions1763900400000 } from './1763900400000-Sessions';
import { Codebook1763900500000 } from './1763900500000-Codebook';
import { Synthesis1763900600000 } from './1763900600000-Synthesis';
import { JourneyMaps1763900700000 } from './1763900700000-JourneyMaps';
import { SurveyImportContentExternal1763900650000 } from './1763900650000-SurveyImportContentExternal';
import { Privacy1763900800000 } from './1763900800000-Privacy';
import { JobLeases1763900900000 } from './1763900900000-JobLeases';
import { MapEvidenceSignature1763901000000 } from './1763901000000-MapEvidenceSignature';
import { QuoteSearchOneConfig1763901100000 } from './1763901100000-QuoteSearchOneConfig';

/** Every migration, oldest first. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Foundation1763900000000, Surveys1763900100000, BackgroundJobs1763900200000, SurveyImports1763900300000, Sessions1763900400000, Codebook1763900500000, Synthesis1763900600000, SurveyImportContentExternal1763900650000, JourneyMaps1763900700000, Privacy1763900800000, JobLeases1763900900000, MapEvidenceSignature1763901000000, QuoteSearchOneConfig1763901100000];
