/** Jest global teardown: stops a throwaway PostgreSQL container when one was started. */
export default async function globalTeardown(): Promise<void> {}
