import { expect, test } from './fixtures';

/**
 * Issue 9, ATLAS_AUTH=oidc: sign-in with a real OpenID Connect provider on loopback
 * (scripts/e2e-oidc.mjs, oidc-provider), the authorization code flow with PKCE through Auth.js.
 * Olivia is an editor through her `atlas-editors` group claim (ATLAS_EDITORS=atlas-editors).
 */

test('signs in at the provider, shows the name, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await page.screenshot({ path: 'test-results/screens/signin.png' });
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();

  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('User').selectOption('olivia');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByTestId('user-name')).toHaveText('Olivia Operator');
  await expect(page.getByTestId('user-role')).toHaveText('editor');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/signed-in.png' });
  const cookie = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  expect((await page.context().cookies()).some((c) => c.name === 'authjs.session-token')).toBe(false);
  await page.goto('/findings');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffindings$/);
});

test('a user without an editors group is a viewer, and returns to the page they asked for', async ({ page }) => {
  await page.goto('/snapshots');
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
  await page.getByLabel('User').selectOption('victor');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/snapshots$/);
  await expect(page.getByTestId('user-name')).toHaveText('Victor Viewer');
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  expect((await page.request.get('/audit')).status()).toBe(403);
  // Without the session cookie the API answers 401, not a sign-in page.
  await page.context().clearCookies();
  expect((await page.request.get('/api/topology?region=us-east-1')).status()).toBe(401);
});
