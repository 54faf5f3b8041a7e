/** An error shaped like the SDK's EC2ServiceException, so `toEc2Error` reads it the same way. */
export class FixtureApiError extends Error {
  readonly Code: string;
  readonly $fault = 'client' as const;
  readonly $metadata: { httpStatusCode: number };
  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = code;
    this.Code = code;
    this.$metadata = { httpStatusCode: status };
  }
}
