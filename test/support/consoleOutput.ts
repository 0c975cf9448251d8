/**
 * Runs `work` while keeping what is printed to console.error and console.warn (where
 * libraries print stack traces) instead of printing it; answers the printed lines too.
 */
export async function withConsoleOutput<T>(work: () => Promise<T>): Promise<{ result: T; printed: string[] }> {
  const printed: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  try {
    return { result: await work(), printed };
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
