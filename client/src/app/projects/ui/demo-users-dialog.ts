import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { DemoUser } from '../data-access/demo-project';

export interface DemoUsersDialogData {
  projectName: string;
  users: DemoUser[];
}

/** The demo accounts and their passwords, shown once, each with a copy button. Closes with true to open the project. */
@Component({
  selector: 'tropa-demo-users-dialog',
  imports: [MatDialogModule, MatButtonModule, CdkCopyToClipboard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'demo.usersTitle' | t }}</h2>
    <mat-dialog-content>
      <p class="project">{{ data.projectName }}</p>
      @if (data.users.length) {
        <p class="warning" data-testid="demo-users-intro">{{ 'demo.usersIntro' | t }}</p>
        <table class="users" data-testid="demo-users">
          <thead>
            <tr>
              <th>{{ 'demo.role' | t }}</th>
              <th>{{ 'demo.email' | t }}</th>
              <th>{{ 'demo.password' | t }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (user of data.users; track user.email) {
              <tr [attr.data-testid]="'demo-user-' + user.role">
                <td>{{ labels.role(user.role) | t }}</td>
                <td data-testid="demo-user-email">{{ user.email }}</td>
                <td><code data-testid="demo-user-password">{{ user.password }}</code></td>
                <td>
                  <button mat-button type="button" [cdkCopyToClipboard]="user.email + ' ' + user.password" (cdkCopyToClipboardCopied)="markCopied(user.email, $event)">
                    {{ (copied() === user.email ? 'demo.copied' : 'demo.copy') | t }}
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>{{ 'demo.noUsers' | t }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.users.length) {
        <button mat-button type="button" [cdkCopyToClipboard]="allAccounts()" (cdkCopyToClipboardCopied)="markCopied('*', $event)" data-testid="demo-copy-all">
          {{ (copied() === '*' ? 'demo.copied' : 'demo.copyAll') | t }}
        </button>
      }
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="demo-open">{{ 'demo.open' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .project {
      font-weight: 500;
    }
    .warning {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .users {
      border-collapse: collapse;
      width: 100%;
    }
    .users th,
    .users td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    code {
      user-select: all;
    }
  `,
})
export class DemoUsersDialog {
  protected readonly data = inject<DemoUsersDialogData>(MAT_DIALOG_DATA);
  protected readonly labels = labelKeys;
  protected readonly copied = signal<string | null>(null);

  protected allAccounts(): string {
    return this.data.users.map((user) => `${user.role}\t${user.email}\t${user.password}`).join('\n');
  }

  protected markCopied(key: string, done: boolean): void {
    this.copied.set(done ? key : null);
  }
}
