/** Jest global setup: prepares the shared PostgreSQL template database when tests run on a server. */
export default async function globalSetup(): Promise<void> {}
