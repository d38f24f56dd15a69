import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { TagResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** A line of the codebook as the picker lists it: the tag and its depth in the tree. */
export interface TagPickerRow {
  tag: TagResponse;
  depth: number;
}

/**
 * Type-ahead over the codebook: colour, name and shortcut of each tag. Arrow keys move, Enter
 * picks; the codebook's tree shows as indentation until the reader types.
 */
@Component({
  selector: 'tropa-tag-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input
      class="query"
      type="search"
      [value]="query()"
      (input)="search($event)"
      (keydown.arrowdown)="move(1, $event)"
      (keydown.arrowup)="move(-1, $event)"
      (keydown.enter)="pickActive($event)"
      [placeholder]="'coding.findTag' | t"
      [attr.aria-label]="'coding.findTag' | t"
      data-testid="tag-search"
    />
    <ul class="options" role="listbox" [attr.aria-label]="'coding.tags' | t">
      @for (row of shown(); track row.tag.id; let index = $index) {
        <li
          role="option"
          data-testid="tag-option"
          [attr.data-tag-id]="row.tag.id"
          [attr.aria-selected]="index === active()"
          [class.active]="index === active()"
          [class.applied]="applied().includes(row.tag.id)"
          [style.padding-left.px]="8 + row.depth * 14"
          (mousedown)="$event.preventDefault()"
          (click)="picked.emit(row.tag)"
        >
          <span class="swatch" [style.background]="row.tag.color"></span>
          <span class="name">{{ row.tag.name }}</span>
          @if (applied().includes(row.tag.id)) {
            <span class="check" [attr.aria-label]="'coding.applied' | t">✓</span>
          }
          @if (row.tag.shortcut) {
            <kbd data-testid="tag-option-shortcut">{{ row.tag.shortcut }}</kbd>
          }
        </li>
      } @empty {
        <li class="empty" data-testid="tag-options-empty">{{ (rows().length ? 'coding.noTagMatches' : 'coding.noTags') | t }}</li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
      min-width: 240px;
    }
    .query {
      width: 100%;
      box-sizing: border-box;
      padding: 6px 8px;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .options {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      max-height: 240px;
      overflow-y: auto;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 8px;
      cursor: pointer;
      border-radius: 4px;
    }
    li.active,
    li:hover {
      background: var(--mat-sys-surface-container-high);
    }
    li.empty {
      cursor: default;
      color: var(--mat-sys-on-surface-variant);
    }
    .swatch {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      flex: none;
    }
    .name {
      flex: 1;
    }
    kbd {
      font: 0.8em monospace;
      padding: 0 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 3px;
    }
  `,
})
export class TagPicker {
  readonly rows = input<readonly TagPickerRow[]>([]);
  /** Tags the coder has already applied: marked with a check. */
  readonly applied = input<readonly string[]>([]);
  readonly picked = output<TagResponse>();

  protected readonly query = signal('');
  protected readonly active = signal(0);
  protected readonly shown = computed(() => {
    const query = this.query().trim().toLowerCase();
    if (!query) {
      return this.rows();
    }
    return this.rows()
      .filter((row) => row.tag.name.toLowerCase().includes(query) || row.tag.shortcut?.toLowerCase() === query)
      .map((row) => ({ tag: row.tag, depth: 0 }));
  });

  protected search(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.active.set(0);
  }

  protected move(step: number, event: Event): void {
    event.preventDefault();
    const count = this.shown().length;
    if (count) {
      this.active.update((index) => (index + step + count) % count);
    }
  }

  protected pickActive(event: Event): void {
    event.preventDefault();
    const row = this.shown()[this.active()];
    if (row) {
      this.picked.emit(row.tag);
    }
  }
}
