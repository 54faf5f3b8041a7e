import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';

/** Issue 21 §4: the sign-in page (only the oidc mode has one) passes axe-core with no serious or critical violation. */
test('axe: the sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in with single sign-on' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'sign-in');
});
