import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/config.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'config-test-'));

describe('configuration', () => {
  it('when nothing is set, then the development defaults of the settings table apply', () => {
    const config = loadConfig({ DATA_DIR: tmp() });
    expect(config).to.include({
      env: 'development',
      port: 3000,
      minTenderPeriod: 'P30D',
      minStandstillPeriod: 'P10D',
    });
    expect(config.publicUrl).to.equal('http://localhost:3000');
    expect(config.mailFrom).to.equal('Joint Procurement <no-reply@localhost>');
    expect(config.mongodbUri).to.equal(undefined);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it('when secrets are not set in development, then they are generated once and kept in the data folder', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.jwtSecret).to.have.length(64);
    expect(first.bidEncryptionKey).to.have.length(32);
    expect(second.jwtSecret).to.equal(first.jwtSecret);
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).jwtSecret).to.equal(
      first.jwtSecret,
    );
  });

  it('when production lacks MONGODB_URI, SMTP_URL and the secrets, then start-up is refused naming all four', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }))
      .to.throw(ConfigError)
      .with.property('problems')
      .that.deep.equals([
        'MONGODB_URI is required in production',
        'SMTP_URL is required in production',
        'JWT_SECRET is required in production',
        'BID_ENCRYPTION_KEY is required in production',
      ]);
  });

  it('when values are malformed, then each bad setting is named', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        MIN_TENDER_PERIOD: '30 days',
        REDIS_URL: 'localhost:6379',
        DATA_DIR: tmp(),
      });
      expect.fail('should have thrown');
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems)
        .to.match(/PORT/)
        .and.match(/MIN_TENDER_PERIOD/)
        .and.match(/REDIS_URL/);
    }
  });

  it('when the queue prefix is hash-tagged for a Redis Cluster, then it is taken; a half tag is refused', () => {
    expect(loadConfig({ QUEUE_PREFIX: '{procurement}', DATA_DIR: tmp() }).queuePrefix).to.equal(
      '{procurement}',
    );
    for (const bad of ['{procurement', 'procurement}', 'a:b', '{}']) {
      expect(() => loadConfig({ QUEUE_PREFIX: bad, DATA_DIR: tmp() }), bad).to.throw(
        ConfigError,
        /QUEUE_PREFIX/,
      );
    }
  });

  it('when production has every required setting, then it starts with them and no generated secret', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db:27017/procurement',
      SMTP_URL: 'smtp://relay:587',
      JWT_SECRET: 'j'.repeat(40),
      BID_ENCRYPTION_KEY: 'ab'.repeat(32),
      DATA_DIR: tmp(),
    });
    expect(config.jwtSecret).to.equal('j'.repeat(40));
    expect(config.bidEncryptionKey.toString('hex')).to.equal('ab'.repeat(32));
  });
});
