/**
 * Where the AWS SDK's credential chain looks: keys, a session token, a profile and its files, container and web
 * identity credentials. A test that gives credentials removes the rest, so none comes from the developer's shell.
 */
export const AWS_CREDENTIAL_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
] as const;

/**
 * Sets environment variables for a test: each of `names` takes its value in `values`, and one without a value is
 * removed (nothing from the developer's shell or another test leaks in). The returned function puts every one of
 * `names` back as it was. Read by code that parses the environment when it runs (the SDK's chain, `getConfig()`
 * on first use), so set it before that.
 */
export function useEnv<N extends string>(names: readonly N[], values: Partial<Record<N, string>>): () => void {
  const saved = new Map(names.map((k) => [k, process.env[k]]));
  for (const k of names) {
    const v = values[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
