/** Where the bot reports what happens. Tests pass a quiet one. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[referral-desk] ${message}`),
  error: (message, error) =>
    console.error(`[referral-desk] ${message}`, error instanceof Error ? error.message : (error ?? '')),
};

export const quietLogger: Logger = { info: () => undefined, error: () => undefined };
