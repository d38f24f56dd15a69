import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  LOCALES,
  RETENTION_DAYS,
  STAGE_TEMPLATES,
  TEXT_LIMITS,
  type CreateProjectRequest,
  type ProjectLanguage,
  type ProjectListQuery,
  type ProjectSort,
  type StageTemplate,
  type UpdateProjectRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText, OptionalText, RequiredText } from '../../../core/http/validators';

export class CreateProjectDto implements CreateProjectRequest {
  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @OneOf(LOCALES)
  language: ProjectLanguage;

  @OneOf(STAGE_TEMPLATES)
  stageTemplate: StageTemplate;
}

export class UpdateProjectDto implements UpdateProjectRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  name?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @OneOf(LOCALES, true)
  language?: ProjectLanguage;

  /** null switches retention off; absent leaves it as it is. */
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: RETENTION_DAYS.min, maximum: RETENTION_DAYS.max })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt({ message: 'retentionDays must be a whole number of days or null' })
  @Min(RETENTION_DAYS.min)
  @Max(RETENTION_DAYS.max)
  retentionDays?: number | null;
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @OneOf(['name', 'createdAt', 'updatedAt'], true)
  sort?: ProjectSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(LOCALES, true)
  language?: ProjectLanguage;
}
