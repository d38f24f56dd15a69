import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { ProjectRole } from '@tropa/contracts';

/** The link the owner passes on to the invitee, with a copy button. */
@Component({
  selector: 'tropa-invite-link',
  imports: [CdkCopyToClipboard, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="box" data-testid="invite-link-box">
      <p>{{ 'members.inviteCreated' | t: { email: email(), role: (labels.role(role()) | t) } }}</p>
      <div class="row">
        <input class="link" readonly [value]="link()" data-testid="invite-link" (focus)="selectAll($event)" />
        <button mat-flat-button type="button" [cdkCopyToClipboard]="link()" (cdkCopyToClipboardCopied)="copied.set($event)">
          {{ (copied() ? 'members.copied' : 'members.copyLink') | t }}
        </button>
        <button mat-button type="button" (click)="dismissed.emit()">{{ 'common.close' | t }}</button>
      </div>
    </div>
  `,
  styles: `
    .box {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      margin-bottom: 16px;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .link {
      flex: 1 1 320px;
      font: inherit;
      padding: 8px;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class InviteLink {
  readonly link = input.required<string>();
  readonly email = input.required<string>();
  readonly role = input.required<ProjectRole>();
  readonly dismissed = output();

  protected readonly labels = labelKeys;
  protected readonly copied = signal(false);

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
