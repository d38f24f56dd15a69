import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** Links between the synthesis screens: the review, the runs history and the jobs to be done. */
@Component({
  selector: 'tropa-synthesis-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="nav">
      <a
        [routerLink]="['/projects', projectId(), 'synthesis']"
        routerLinkActive="active"
        [routerLinkActiveOptions]="{ exact: true }"
        data-testid="synthesis-nav-review"
        >{{ 'synthesis.nav.review' | t }}</a
      >
      <a [routerLink]="['/projects', projectId(), 'synthesis', 'runs']" routerLinkActive="active" data-testid="synthesis-nav-runs">{{
        'synthesis.nav.runs' | t
      }}</a>
      <a [routerLink]="['/projects', projectId(), 'synthesis', 'jobs']" routerLinkActive="active" data-testid="synthesis-nav-jobs">{{
        'synthesis.nav.jobs' | t
      }}</a>
    </nav>
  `,
  styles: `
    .nav {
      display: flex;
      gap: 16px;
      margin-bottom: 16px;
    }
    a {
      color: var(--mat-sys-primary);
      text-decoration: none;
      padding-bottom: 2px;
    }
    a.active {
      font-weight: 500;
      border-bottom: 2px solid var(--mat-sys-primary);
    }
  `,
})
export class SynthesisNav {
  readonly projectId = input.required<string>();
}
