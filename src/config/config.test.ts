import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  test('defaults give an embedded-database configuration on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.logLevel).toBe('info');
  });

  test('values are coerced and an empty string counts as unset', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: '', PUBLIC_BASE_URL: 'https://lims.example.fi/' });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('https://lims.example.fi');
  });

  test.each([
    ['PORT', 'abc', /PORT must be an integer from 0 to 65535 \(got "abc"\)/],
    ['PORT', '70000', /PORT must be/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of/],
    ['LIMS_BOOTSTRAP_ADMIN_TOKEN', 'short', /LIMS_BOOTSTRAP_ADMIN_TOKEN must be 32 to 256/],
    ['PUBLIC_BASE_URL', 'ftp://x', /PUBLIC_BASE_URL must be an http/],
  ])('an invalid %s (%s) stops with one line naming it', (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).not.toContain('\n');
  });
});
