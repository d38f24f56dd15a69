import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import type { AuditAction } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { AuditStore } from '../data-access/audit-store';
import { AuditTable } from '../ui/audit-table';

const AUDIT_ACTIONS: readonly AuditAction[] = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.register',
  'project.create',
  'project.update',
  'project.delete',
  'member.add',
  'member.role_change',
  'member.remove',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'privacy.erase_participant',
  'privacy.erase_respondent',
  'privacy.retention',
];

@Component({
  selector: 'tropa-audit-tab',
  imports: [MatFormFieldModule, MatSelectModule, MatPaginatorModule, AuditTable, TranslatePipe, ErrorBanner, LoadingIndicator],
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.audit' | t }}</h2>
    </div>
    @if (!project.isOwner()) {
      <p class="tropa-muted">{{ 'audit.ownerOnly' | t }}</p>
    } @else {
      <div class="tropa-filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'audit.action' | t }}</mat-label>
          <mat-select [value]="store.query().action ?? ''" (valueChange)="filterAction($event)" data-testid="filter-action">
            <mat-option value="">{{ 'common.all' | t }}</mat-option>
            @for (action of actions; track action) {
              <mat-option [value]="action">{{ labels.audit(action) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (store.status() === 'loading') {
        <tropa-loading />
      }
      @if (store.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="store.reload()" />
      }
      @if (store.isEmpty()) {
        <p class="tropa-empty">{{ 'audit.empty' | t }}</p>
      } @else {
        <tropa-audit-table [entries]="store.items()" />
      }
      @if (store.total() > (store.query().pageSize ?? 0)) {
        <mat-paginator
          [length]="store.total()"
          [pageIndex]="(store.query().page ?? 1) - 1"
          [pageSize]="store.query().pageSize"
          [pageSizeOptions]="[25, 50, 100]"
          (page)="changePage($event)"
        />
      }
    }
  `,
})
export class AuditTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(AuditStore);

  readonly projectId = input.required<string>();

  protected readonly labels = labelKeys;
  protected readonly actions = AUDIT_ACTIONS;

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      if (this.project.isOwner()) {
        untracked(() => this.store.open(projectId));
      }
    });
  }

  protected filterAction(action: AuditAction | ''): void {
    this.store.load({ action: action || undefined });
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
