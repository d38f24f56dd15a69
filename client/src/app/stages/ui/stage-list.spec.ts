import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { StageResponse } from '@tropa/contracts';
import { someStages } from '../../testing/factories';
import { StageList } from './stage-list';
import type { StageEdit } from './stage-list';

@Component({
  selector: 'tropa-test-host',
  imports: [StageList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tropa-stage-list
      [stages]="stages()"
      [editable]="editable()"
      (reordered)="order.set($event)"
      (edited)="edit.set($event)"
      (deleted)="deleted.set($event)"
    />
  `,
})
class TestHost {
  readonly stages = signal<StageResponse[]>(someStages(['Awareness', 'Interest', 'Purchase']));
  readonly editable = signal(true);
  readonly order = signal<string[] | null>(null);
  readonly edit = signal<StageEdit | null>(null);
  readonly deleted = signal<StageResponse | null>(null);
}

describe('StageList', () => {
  async function render(editable: boolean): Promise<{ host: TestHost; root: HTMLElement; stable: () => Promise<void> }> {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(TestHost);
    fixture.componentInstance.editable.set(editable);
    await fixture.whenStable();
    return { host: fixture.componentInstance, root: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  }

  const all = (root: HTMLElement, testId: string): HTMLElement[] =>
    Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  it('should show the stages without any edit control when read-only', async () => {
    const { root } = await render(false);

    expect(all(root, 'stage-name').map((element) => element.textContent?.trim())).toEqual(['Awareness', 'Interest', 'Purchase']);
    for (const control of ['stage-rename', 'stage-delete', 'stage-up', 'stage-down']) {
      expect(all(root, control)).toHaveLength(0);
    }
    expect(root.querySelector('.handle')).toBeNull();
  });

  it('should emit every id in the new order when a stage is moved down', async () => {
    const { host, root } = await render(true);

    all(root, 'stage-down')[0].click();

    expect(host.order()).toEqual(['stage-2', 'stage-1', 'stage-3']);
  });

  it('should emit only the changed fields when a stage is renamed inline', async () => {
    const { host, root, stable } = await render(true);

    all(root, 'stage-rename')[1].click();
    await stable();
    const input = root.querySelector<HTMLInputElement>('[data-testid="stage-name-input"]');
    if (!input) throw new Error('no inline editor');
    input.value = 'Consideration';
    input.dispatchEvent(new Event('input'));
    await stable();
    root.querySelector<HTMLFormElement>('[data-testid="stage-edit-form"]')?.dispatchEvent(new Event('submit'));
    await stable();

    expect(host.edit()).toEqual({ stageId: 'stage-2', changes: { name: 'Consideration' } });
    expect(all(root, 'stage-name-input')).toHaveLength(0);
  });

  it('should ask the container to delete a stage', async () => {
    const { host, root } = await render(true);

    all(root, 'stage-delete')[2].click();

    expect(host.deleted()?.name).toBe('Purchase');
  });
});
