import { STAGE_TEMPLATES } from './projects';
import { STAGE_TEMPLATE_STAGES, templateStageNames } from './stage-templates';

describe('stage templates', () => {
  it('should offer the 7-, 4- and 6-stage frameworks when a project is created', () => {
    expect(STAGE_TEMPLATES.map((template) => STAGE_TEMPLATE_STAGES[template].length)).toEqual([7, 4, 6]);
  });

  it('should name the stages in the project language when asked', () => {
    expect(templateStageNames('seven', 'ru')[0]).toBe('Осознание');
    expect(templateStageNames('seven', 'en')[6]).toBe('Loyalty');
    expect(templateStageNames('six', 'en')).toEqual(['Initial consideration', 'Active evaluation', 'Deal', 'Experience', 'Trigger', 'Loyalty']);
  });
});
