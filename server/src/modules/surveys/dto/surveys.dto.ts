import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  LOCALES,
  QUESTION_METRICS,
  SURVEY_STATUSES,
  TEXT_LIMITS,
  type AnswerValue,
  type CreateSurveyRequest,
  type ProjectLanguage,
  type QuestionMapping,
  type QuestionMetric,
  type ResponseListQuery,
  type ResponseSort,
  type RunImportRequest,
  type SubmitAnswersRequest,
  type SurveyDefinition,
  type SurveyListQuery,
  type SurveySort,
  type SurveyStatus,
  type UpdateMappingsRequest,
  type UpdateSurveyRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalBoolean, OptionalRequiredText, OptionalText, QueryBoolean, RequiredText } from '../../../core/http/validators';

export class CreateSurveyDto implements CreateSurveyRequest {
  @RequiredText(TEXT_LIMITS.name)
  title: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @OneOf(LOCALES, true)
  language?: ProjectLanguage;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'SurveyJS JSON definition' })
  @IsOptional()
  @IsObject({ message: 'definition must be a SurveyJS JSON object' })
  definition?: SurveyDefinition;
}

export class UpdateSurveyDto implements UpdateSurveyRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  title?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @OneOf(LOCALES, true)
  language?: ProjectLanguage;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'definition must be a SurveyJS JSON object' })
  definition?: SurveyDefinition;

  @OneOf(SURVEY_STATUSES, true)
  status?: SurveyStatus;
}

export class QuestionMappingDto implements QuestionMapping {
  @ApiProperty()
  @IsString()
  @MaxLength(100)
  questionName: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  stageId: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  touchpointId: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  personaAttribute: string | null;

  @ApiPropertyOptional({ nullable: true, enum: QUESTION_METRICS })
  @ValidateIf((_, value) => value !== null)
  @OneOf(QUESTION_METRICS)
  metric: QuestionMetric | null;

  @ApiProperty()
  @IsBoolean()
  jtbdPrompt: boolean;
}

export class UpdateMappingsDto implements UpdateMappingsRequest {
  @ApiProperty({ type: [QuestionMappingDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuestionMappingDto)
  mappings: QuestionMappingDto[];
}

export class SurveyListQueryDto extends PageQueryDto implements SurveyListQuery {
  @OneOf(['title', 'createdAt', 'updatedAt'], true)
  sort?: SurveySort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(SURVEY_STATUSES, true)
  status?: SurveyStatus;
}

export class SubmitAnswersDto implements SubmitAnswersRequest {
  @ApiProperty({ description: 'random per browser session' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'respondentKey must be 8–100 letters, digits, dashes or underscores' })
  respondentKey: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object of question name → answer' })
  answers: Record<string, AnswerValue>;
}

export class ResponseListQueryDto extends PageQueryDto implements ResponseListQuery {
  @OneOf(['submittedAt'], true)
  sort?: ResponseSort;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, { message: 'from must be a date (YYYY-MM-DD or ISO 8601)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, { message: 'to must be a date (YYYY-MM-DD or ISO 8601)' })
  to?: string;

  @QueryBoolean()
  completed?: boolean;

  @OptionalText(100)
  question?: string;

  @OptionalText(TEXT_LIMITS.shortText)
  value?: string;

  @IsOptional()
  @IsUUID('all', { message: 'personaId must be a persona id' })
  personaId?: string;
}

export class ExportQueryDto {
  @OneOf(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}

export class ImportColumnTargetDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  column: number;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  question: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  choice?: string;
}

export class RunImportDto implements RunImportRequest {
  @ApiProperty({ type: [ImportColumnTargetDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ImportColumnTargetDto)
  mapping: ImportColumnTargetDto[];

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  respondentColumn?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  submittedAtColumn?: number | null;

  @ApiProperty()
  @IsBoolean()
  dryRun: boolean;

  @OptionalBoolean()
  allowDuplicate?: boolean;
}
