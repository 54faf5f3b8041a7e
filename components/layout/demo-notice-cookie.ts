/** The cookie that remembers a dismissed demo notice; the server reads it so a dismissed notice never flashes in. */
export const DEMO_NOTICE_COOKIE = 'atlas-demo-notice';
