import {
  LOCALES,
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
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @OneOf(['name', 'createdAt', 'updatedAt'], true)
  sort?: ProjectSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(LOCALES, true)
  language?: ProjectLanguage;
}
