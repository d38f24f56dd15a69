import { TEXT_LIMITS, type CreatePersonaRequest, type PersonaListQuery, type PersonaSort, type UpdatePersonaRequest } from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText, OptionalText, RequiredText, StringRecord, TextList } from '../../../core/http/validators';

const MAX_GOALS = 50;
const MAX_ATTRIBUTES = 50;

export class CreatePersonaDto implements CreatePersonaRequest {
  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @TextList(MAX_GOALS, TEXT_LIMITS.shortText)
  goals?: string[];

  @StringRecord(MAX_ATTRIBUTES, 100, TEXT_LIMITS.shortText)
  attributes?: Record<string, string>;
}

export class UpdatePersonaDto implements UpdatePersonaRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  name?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @TextList(MAX_GOALS, TEXT_LIMITS.shortText)
  goals?: string[];

  @StringRecord(MAX_ATTRIBUTES, 100, TEXT_LIMITS.shortText)
  attributes?: Record<string, string>;
}

export class PersonaListQueryDto extends PageQueryDto implements PersonaListQuery {
  @OneOf(['name', 'createdAt'], true)
  sort?: PersonaSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;
}
